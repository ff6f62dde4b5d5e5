"""The one Jinja environment: strict about undefined names, escaping HTML templates."""

from __future__ import annotations

import contextlib
from functools import cache

import jinja2
from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    PackageLoader,
    StrictUndefined,
    select_autoescape,
)
from jinja2.bccache import Bucket

from generator import cache as caches
from generator import filters, text

KEEP_DAYS = 30  # compiled templates (of any release) are compiled again after this long


class CompiledTemplates(FileSystemBytecodeCache):
    """Compiled templates kept in the cache folder, so that a command does not compile all of
    them again (about a sixth of a second). Jinja checks each against its template's text; the
    folder is named after this package's code and Jinja's release, since the compiled code also
    depends on the environment's settings. A cache that cannot be read or written is skipped."""

    def __init__(self) -> None:
        root = caches.folder() / "templates"
        here = root / caches.digest([caches.code_version(), jinja2.__version__])[:16]
        with contextlib.suppress(OSError):
            here.mkdir(parents=True, exist_ok=True)
        caches.Cache("templates").prune(KEEP_DAYS)
        super().__init__(str(here))

    def load_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html", "xml"), default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates are part of the package: no need to stat them per use
        bytecode_cache=CompiledTemplates(),
    )
    env.filters.update(filters.FILTERS)
    env.filters["md"] = text.markdown_safe
    env.filters["md_inline"] = text.inline_safe
    env.filters["md_html"] = text.markdown_to_html
    return env
