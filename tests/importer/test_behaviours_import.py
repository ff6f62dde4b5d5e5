"""Issue 28, point 3: a Success Profiles advert's "Behaviours" heading, with the behaviours
named and no level, imports as the role's competencies, with no level or method made up; its
statement of what is assessed becomes the person specification's introduction."""

from __future__ import annotations

import io
from pathlib import Path

from generator.content.yamlload import load_file
from generator.importer.command import run
from tests.model.test_faithful import content_of, report

ADVERT = """\
Job Title: Senior Policy Adviser
Grade: Grade 7

Person specification
This vacancy is using Success Profiles, and will assess your Behaviours, Experience and \
Technical skills.

Behaviours
We'll assess you against these behaviours during the selection process:
- Working Together
- Delivering at Pace
"""


def test_behaviours_named_without_a_level_become_competencies_with_none(
        tmp_path: Path) -> None:
    # The fixture's organisation owns a framework of the Success Profiles behaviours.
    content = content_of(tmp_path, "behaviours-success-profiles")
    advert = tmp_path / "advert.txt"
    advert.write_text(ADVERT, encoding="utf-8")
    status = run([advert], "example-department", content, out=io.StringIO(), err=io.StringIO())
    assert status == 0
    doc, problems = load_file(content / "roles" / "senior-policy-adviser.yaml", "draft")
    assert doc is not None, problems
    # No level and no method is given: none is made up (validate warns of the methods).
    assert doc.data["competencies"] == [
        {"framework": "civil-service-behaviours", "competency": "working-together",
         "assessed_by": "not stated"},
        {"framework": "civil-service-behaviours", "competency": "delivering-at-pace",
         "assessed_by": "not stated"}]
    # Which elements are assessed is the person specification's introduction, word for word.
    assert doc.data["person_specification"] == {"introduction": (
        "This vacancy is using Success Profiles, and will assess your Behaviours, Experience "
        "and Technical skills.")}
    # The sentence before them is the advert's, kept for a person to place.
    assert [item["text"] for item in doc.data["import_review"]["to_place"]] == [
        "We'll assess you against these behaviours during the selection process:"]
    # The draft is valid; validate says the methods are not stated, where each is.
    code, out = report(content)
    assert code == 0
    assert ("content/roles/senior-policy-adviser.yaml:28:18: warning: $.competencies[1]."
            "assessed_by: the competency 'delivering-at-pace' does not say how it is assessed")\
        in out
