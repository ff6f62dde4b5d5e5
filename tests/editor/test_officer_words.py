"""What the editor's pages show an officer above its forms is in plain words (issue 27, point 1)."""

from __future__ import annotations

from generator.editor.config import decap_config
from tests.support.editor_browser import programmer_words


def test_no_collection_description_names_a_folder_or_a_file() -> None:
    """Decap shows a collection's description above its list of records: the schemas' "One
    file per role in content/roles/" is for those who edit files, not for an officer."""
    found = {c["name"]: programmer_words(c["description"]) for c in decap_config()["collections"]}
    assert not any(found.values()), found
    roles = next(c for c in decap_config()["collections"] if c["name"] == "roles")
    assert roles["description"] == ("A role profile (job description and person specification). "
                                    "It is long-lived; a vacancy opens it for applications.")
