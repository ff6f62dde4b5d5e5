"""The one Jinja environment: strict about undefined names, escaping HTML templates."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from generator import filters, text


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
    )
    env.filters.update(filters.FILTERS)
    env.filters["md"] = text.markdown_safe
    env.filters["md_inline"] = text.inline_safe
    env.filters["md_html"] = text.markdown_to_html
    return env
