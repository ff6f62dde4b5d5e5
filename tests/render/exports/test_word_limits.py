"""Word's 255-character limit on document properties does not stop the export."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import docx

from generator.render.exports.profile import profile_document
from generator.render.exports.word import CORE_PROPERTY_LIMIT, docx_bytes
from tests.support.site import load_site


def test_a_title_over_255_characters_is_exported_whole_in_the_document(
    base_content: Path,
) -> None:
    site = load_site(base_content)
    title = "Senior " + "Support Worker and " * 20 + "Lead"
    assert len(title) > 300
    role = dataclasses.replace(site.roles["support-worker"], title=title)
    org = dataclasses.replace(role.organisation, name="Council " * 40)
    role = dataclasses.replace(role, organisation=org)
    made = docx.Document(io.BytesIO(docx_bytes(profile_document(site, role),
                                               "2026-01-01T00:00:00Z")))
    props = made.core_properties
    assert len(props.title) <= CORE_PROPERTY_LIMIT and props.title.endswith("…")
    assert title.startswith(props.title[:-1])
    assert len(props.subject) <= CORE_PROPERTY_LIMIT
    assert any(p.text == title for p in made.paragraphs)
