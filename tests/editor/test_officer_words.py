"""What the editor's pages show an officer above its forms is in plain words (issue 27, point 1)."""

from __future__ import annotations

import re

from generator.editor.config import decap_config
from tests.editor.test_config import all_fields
from tests.support.editor_browser import programmer_words


def test_no_collection_description_names_a_folder_or_a_file() -> None:
    """Decap shows a collection's description above its list of records: the schemas' "One
    file per role in content/roles/" is for those who edit files, not for an officer."""
    found = {c["name"]: programmer_words(c["description"]) for c in decap_config()["collections"]}
    assert not any(found.values()), found
    roles = next(c for c in decap_config()["collections"] if c["name"] == "roles")
    assert roles["description"] == ("A role profile (job description and person specification). "
                                    "It is long-lived; a vacancy opens it for applications.")


def test_no_help_is_left_half_rewritten() -> None:
    """Taking "in quotes" out of "Put it in quotes." left the contact's phone with the help
    "… Put it."; every help under a field reads as a whole sentence."""
    hints = [f.get("hint", "") for c in decap_config()["collections"]
             for f in all_fields(c.get("fields") or c["files"][0]["fields"])]
    assert not [h for h in hints if re.search(r"\bPut it\.", h)]
    vacancy = next(c for c in decap_config()["collections"] if c["name"] == "vacancies")
    contact = next(f for f in vacancy["fields"] if f["name"] == "contact")
    phone = next(f for f in contact["fields"] if f["name"] == "phone")
    assert phone["hint"] == "The phone number, with its leading zero."
