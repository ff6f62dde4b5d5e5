"""The site engine: MkDocs (or Zensical, which reads the same `mkdocs.yml`) over a staging tree.

Takes in a complete staging tree (`docs/` with every page and asset) and the engine's settings;
gives out the built site in a folder, or `BuildFailed` with the engine's own words. No project
logic runs inside the engine: no plugins, hooks or macros of ours.
"""

from __future__ import annotations

import errno
import gc
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

from generator.core.errors import BuildFailed
from generator.render.site.feed import SiteAddress

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# A write refused for want of space or permission: the workspace explains these, not the engine.
WRITE_FAILURES = (errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS)
SEARCH_INDEX = Path("search") / "search_index.json"


class CompiledInMemory(BytecodeCache):
    """Compiled templates kept in memory, for a process that builds more than once (the
    preview). Jinja checks each against its template's source, so an edited one is compiled
    again."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


def compile_once(cfg: MkDocsConfig, compiled: BytecodeCache) -> None:
    """Make the theme's Jinja environments of this build use `compiled`: MkDocs makes a new
    one for every build, and compiling Material's templates again was a third of the preview's
    quick build."""
    theme_env = cfg.theme.get_env

    def get_env() -> Environment:
        env = theme_env()
        env.bytecode_cache = compiled
        return env

    cfg.theme.get_env = get_env  # type: ignore[method-assign]


def site_address(config: Path) -> SiteAddress:
    """The site's address and name as the engine's settings give them (`site_url`,
    `site_name`, `use_directory_urls` in mkdocs.yml, read as MkDocs reads it, `!ENV` and
    `INHERIT` included): the feed's links are absolute only when `site_url` is set."""
    from mkdocs.utils.yaml import yaml_load

    with config.open("rb") as file:
        settings = yaml_load(file)
    return SiteAddress(url=settings.get("site_url") or None,
                       name=str(settings.get("site_name") or SiteAddress.name),
                       directory_urls=settings.get("use_directory_urls", True) is not False)


def mkdocs_build(config: Path, docs_dir: Path, site_dir: Path, *,
                 compiled: BytecodeCache | None = None) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        cfg = load_config(str(config), docs_dir=str(docs_dir.resolve()),
                          site_dir=str(site_dir.resolve()), strict=True)
        if compiled is not None:
            compile_once(cfg, compiled)
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build(cfg)
        finally:
            cfg.plugins.on_shutdown()
    except OSError as err:
        if err.errno in WRITE_FAILURES:  # explained by the workspace, as any failed write
            raise
        raise BuildFailed(str(err)) from err
    except MkDocsException as err:
        raise BuildFailed(str(err)) from err


def keep_out_of_collections() -> None:
    """Set everything alive now (the model above all) aside from the garbage collector for the
    rest of the command: it lives until the end, and walking it in each of the site engine's
    full collections cost about half a second at a thousand roles. `run` gives it back."""
    gc.freeze()


def list_theme_once(cfg: MkDocsConfig, listed: dict[Any, list[str]]) -> None:
    """List the theme's files once for the life of the preview (`listed` keeps them). MkDocs
    lists them for every build to copy them, thousands in Material's folders (its icons among
    them): a fifth of the quick update. Every quick update asks the same question, so the first
    answer is kept; a theme file added meanwhile is copied by the full rebuild."""
    theme_env = cfg.theme.get_env

    def get_env() -> Environment:
        env = theme_env()
        every = env.list_templates

        def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
            key = (tuple(extensions or ()), getattr(filter_func, "__code__", filter_func))
            if key not in listed:
                listed[key] = every(extensions, filter_func)
            return list(listed[key])

        env.list_templates = list_templates  # type: ignore[method-assign]
        return env

    cfg.theme.get_env = get_env  # type: ignore[method-assign]


def dirty_build(config: Path, docs_dir: Path, site_dir: Path, serve_url: str,
                compiled: BytecodeCache, theme_files: dict[Any, list[str]]) -> None:
    """Rebuild in `site_dir` only the pages whose files in `docs_dir` changed (the preview's
    quick update). The search index is put back as it was: a dirty build would leave one
    holding only the rebuilt pages, so search lags behind but is never broken."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    index = site_dir / SEARCH_INDEX
    complete = index.read_bytes() if index.is_file() else None
    cfg = load_config(str(config), docs_dir=str(docs_dir), site_dir=str(site_dir))
    cfg.site_url = serve_url
    # The theme's templates are compiled once (see `mkdocs_build`). The 404 page and the
    # sitemap, which a dirty build would render again though one page changed, wait for the
    # full rebuild like the index pages.
    compile_once(cfg, compiled)
    cfg.theme.static_templates.clear()
    list_theme_once(cfg, theme_files)
    cfg.plugins.on_startup(command="serve", dirty=True)
    try:
        build(cfg, serve_url=serve_url, dirty=True)
    finally:
        cfg.plugins.on_shutdown()
    if complete is not None:
        index.write_bytes(complete)
