"""Write a complete, valid synthetic content folder for N roles.

    python -m benchmarks.synthetic --roles 1000 --out bench-out/content [--seed 1]

The same N and seed always give the same files. Roles average about 8 KB of YAML (3 to 16 KB),
with 5 to 40 criteria; around them: N//50 + 2 organisations (each with its own default scale),
3 + N//100 competency frameworks, 2 + N//30 role families, shared criteria, a glossary and
vacancies for about 3% of the roles.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from benchmarks import frameworks, records, roles
from benchmarks.words import Words, slug

MARKER = ".synthetic"   # hidden, so the loader ignores it; marks a folder we may replace
FOLDERS = {"organisation": "organisations", "role": "roles", "family": "families",
           "criterion": "criteria", "framework": "frameworks", "scale": "scales",
           "vacancy": "vacancies"}
GLOSSARY_MAX = 80       # terms in the glossary at most (see glossary_size)
# Text the project's loader would refuse or read as something else unless quoted: numbers with
# a leading zero, times, YAML 1.1 words.
_NEEDS_QUOTES = re.compile(r"[-+.0-9][^\s]*|(?i:yes|no|on|off|y|n|true|false|null|~)")

_Base: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_Base):
    """Block style like the hand-written files: `|` for paragraphs, short lists inline."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str(dumper: Any, value: str) -> Any:
    style = None
    if "\n" in value:
        style = "|"
    elif _NEEDS_QUOTES.fullmatch(value):
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _list(dumper: Any, value: list[Any]) -> Any:
    flow = (all(isinstance(v, str) and "\n" not in v for v in value)
            and sum(len(v) + 2 for v in value) < 60)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(list, _list)


def dump(kind: str, data: dict[str, Any]) -> str:
    """The file's text: the editor's schema line, then the record."""
    where = "../schemas" if kind == "glossary" else "../../schemas"
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100_000,
                     default_flow_style=False)
    return f"# yaml-language-server: $schema={where}/{kind}.schema.json\n{body}"


def glossary_size(count: int) -> int:
    """Terms in the glossary: more for more roles, up to a limit. An employer's jargon does not
    grow with every role it adds, and the pool the roles draw their acronyms from sets how many
    different ones a page explains: without the limit, pages at 3,000 roles would each carry
    more abbreviations than at 1,000, and the growth measured would be the content's."""
    return min(GLOSSARY_MAX, 30 + count // 20)


def content(count: int, seed: int = 1) -> dict[str, dict[str, dict[str, Any]]]:
    """Every record, by kind then id, for `count` roles."""
    w = Words(random.Random(seed))
    n_orgs = count // 50 + 2
    scales, own_scales = records.scales(w, n_orgs)
    orgs_data, orgs = records.organisations(w, n_orgs, own_scales)
    shared_data, shared = records.shared_criteria()
    glossary, terms = records.glossary(w, glossary_size(count))
    w.acronyms = terms
    fw_data, fws = frameworks.frameworks(w, 3 + count // 100, orgs)
    fam_data, families = frameworks.families(w, 2 + count // 30)
    world = roles.World(orgs, fws, families, shared)
    role_data: dict[str, dict[str, Any]] = {}
    for _ in range(count):
        title = w.title()
        rid, n = slug(title), 1
        while rid in role_data:
            n += 1
            rid = f"{slug(title)}-{n}"
        target = round(w.rng.triangular(3000, 16000, 5000))
        role_data[rid] = roles.role(w, world, title, target,
                                    lambda d: len(dump("role", d).encode("utf-8")))
    by_id = {o.id: o for o in orgs}
    vacancies: dict[str, dict[str, Any]] = {}
    chosen = w.rng.sample(sorted(role_data), max(2, round(count * 0.03)))
    for index, rid in enumerate(chosen):
        status = ("open", "closed", "open", "closed", "draft")[index % 5]
        role = role_data[rid]
        vacancies[f"{rid}-{index + 1}"] = roles.vacancy(
            w, rid, role, by_id[role["organisation"]], status, sorted(records.STANDARD_SCALES))
    return {"scale": scales, "organisation": orgs_data, "criterion": shared_data,
            "framework": fw_data, "family": fam_data, "role": role_data, "vacancy": vacancies,
            "glossary": {"glossary": glossary}}


def write(out: Path, count: int, seed: int = 1) -> dict[str, int]:
    """Replace `out` with the synthetic content; return the number of files of each kind."""
    if out.exists():
        if any(out.iterdir()) and not (out / MARKER).exists():
            raise FileExistsError(f"{out} is not empty and was not written by this script")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    counts = {}
    for kind, found in content(count, seed).items():
        counts[kind] = len(found)
        for rid, data in found.items():
            path = out / "glossary.yaml" if kind == "glossary" else (
                out / FOLDERS[kind] / f"{rid}.yaml")
            path.parent.mkdir(exist_ok=True)
            path.write_text(dump(kind, data), encoding="utf-8")
    (out / MARKER).write_text(f"roles={count} seed={seed}\n", encoding="utf-8")
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.synthetic",
                                     description="Write synthetic Roleprint content.")
    parser.add_argument("--roles", type=int, required=True, metavar="N")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR")
    parser.add_argument("--seed", type=int, default=1, metavar="S")
    args = parser.parse_args(argv)
    if args.roles < 1:
        parser.error("--roles must be at least 1")
    try:
        counts = write(args.out, args.roles, args.seed)
    except FileExistsError as err:
        print(f"synthetic: {err}", file=sys.stderr)
        return 2
    print("Wrote " + ", ".join(f"{n} {kind}" for kind, n in counts.items()) + f" into {args.out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
