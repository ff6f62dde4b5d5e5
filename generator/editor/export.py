"""`roleprint edit --export DIR`: the editor as static files, for a GitHub or GitLab backend.

Published beside the site (for example at /admin/), it lets signed-in colleagues edit the
records on the hosting service itself: each save opens a pull or merge request that moves
through draft, in review and ready, and a manager's approval merges it (docs/editor.md). The
checks that need Roleprint run in CI on that request, so the page's problems panel says so.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from generator.editor.config import ORDER, decap_config
from generator.editor.server import ASSETS, DECAP, OWN
from generator.editor.shapes import tree

# js-yaml reads and writes the files in the browser (an exact version, package-lock.json).
JS_YAML = DECAP.parent.parent / "js-yaml" / "dist" / "js-yaml.min.js"
HOSTED = ("js-yaml.min.js", "roleprint-shapes.js", "roleprint-hosted.js")

BACKENDS = ("github", "gitlab")


def export(target: Path, backend: str, repo: str, branch: str,
           prefix: str = "content", content: Path | None = None) -> list[Path]:
    """Write the editor's page, configuration and scripts into `target`; the files written.
    The organisations' own assessment methods are read from `content`, if given."""
    if backend not in BACKENDS:
        raise ValueError(f"the backend must be one of {', '.join(BACKENDS)}, not '{backend}'")
    if repo.count("/") < 1 or repo.startswith("/") or repo.endswith("/"):
        raise ValueError(f"'{repo}' is not OWNER/NAME (or a GitLab GROUP/…/NAME)")
    if not (DECAP / "decap-cms.js").is_file() or not JS_YAML.is_file():
        raise ValueError("Decap CMS is not installed: run `make npm`")
    target.mkdir(parents=True, exist_ok=True)
    config = decap_config(prefix, {"name": backend, "repo": repo, "branch": branch}, content)
    page = (ASSETS / "index.html").read_text(encoding="utf-8")
    # Paths relative to the page, so the folder works wherever it is published.
    page = (page.replace('href="/config.yml"', 'href="config.yml"')
            .replace('<script src="/decap/decap-cms.js"></script>',
                     '<script src="decap-cms.js"></script>' + "".join(
                         f'\n  <script src="{name}"></script>' for name in HOSTED))
            .replace('"/roleprint-', '"roleprint-')
            .replace("{{ preview }}", "../").replace("{{ token }}", ""))
    written = [target / "index.html", target / "config.yml", target / "decap-cms.js"]
    written[0].write_text(page, encoding="utf-8")
    written[1].write_text(json.dumps(config, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    shutil.copyfile(DECAP / "decap-cms.js", written[2])
    for name in OWN.values():
        shutil.copyfile(ASSETS / name, target / name)
        written.append(target / name)
    shutil.copyfile(JS_YAML, target / HOSTED[0])
    shapes = json.dumps({kind: tree(kind) for kind in ORDER}, ensure_ascii=False, sort_keys=True)
    (target / HOSTED[1]).write_text(f"window.ROLEPRINT_SHAPES = {shapes};\n", encoding="utf-8")
    shutil.copyfile(ASSETS / HOSTED[2], target / HOSTED[2])
    written += [target / name for name in HOSTED]
    return written
