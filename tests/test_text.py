"""Text from YAML rendered as Markdown never loads anything from elsewhere."""

from __future__ import annotations

import markdown

from generator.text import markdown_safe


def test_images_are_not_rendered() -> None:
    html = markdown.markdown(markdown_safe("Logo: ![logo](https://tracker.example/pixel.png)"))
    assert "<img" not in html
    assert "logo" in html
