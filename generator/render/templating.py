"""The one Jinja environment: strict about undefined names, escaping HTML templates."""

from __future__ import annotations

from functools import cache

import jinja2
from jinja2 import (
    BytecodeCache,
    Environment,
    PackageLoader,
    StrictUndefined,
    select_autoescape,
)
from jinja2.bccache import Bucket

from generator.core import cache as caches
from generator.core import text
from generator.model import filters

KEEP_DAYS = 30  # compiled templates (of any release) are compiled again after this long


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in the cache folder, so that a command does not compile all of
    them again (about a sixth of a second). Jinja checks each against its template's text; the
    key also holds this package's code and Jinja's release, since the compiled code depends on
    the environment's settings. Each entry is checked like any other (`generator.core.cache`)."""

    def __init__(self) -> None:
        self.store = caches.Cache("templates")
        self.version = caches.digest([caches.code_version(), jinja2.__version__])
        self.store.prune(KEEP_DAYS)
        self.names: dict[str, str] = {}  # Jinja's key -> the template's name, for a note

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        key = super().get_cache_key(name, filename)
        self.names[key] = name
        return key

    def _key(self, bucket: Bucket) -> str:
        return caches.digest([self.version, bucket.key])

    def load_bytecode(self, bucket: Bucket) -> None:
        name = self.names.get(bucket.key, "")
        data = self.store.get(self._key(bucket), f"compiled template {name}")
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store.put(self._key(bucket), bucket.bytecode_to_string())


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
    env.filters["md_literal"] = text.literal_inline
    env.filters["md_html"] = text.markdown_to_html
    return env
