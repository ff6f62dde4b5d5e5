"""Issue 28, point 9, in validate: a weight the scale does not take is the source's to give,
so the hint asks for the source's weight and never offers one to pick ("use one of those
weights", "such as  weights: [1, 2, 3]"); methods written as one word, an empty list or the
source's words are told as "a list, or not stated", once, where they are written."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.content.validate import validate
from tests.conftest import CAMPAIGNS, INVALID, overlay
from tests.conftest import FIXTURES as BASE

NOT_ALLOWED = ("copy the weight the source gives; if it gives this one, add it to the scale's "
               "weights")
NO_WEIGHTS = ("if the source gives this weight, list the weights the source uses under the "
              "scale's weights; if it gives none, remove the weight")


def _hints(content: Path) -> list[tuple[str, str, str]]:
    problems, _ = validate(content)
    return [(Path(p.path).name, p.json_path, p.hint) for p in problems if p.blocking]


def test_a_criterion_weight_the_default_scale_refuses_asks_for_the_sources(
        tmp_path: Path) -> None:
    content = overlay(BASE / "base", INVALID / "weights-the-scale-does-not-allow" / "content",
                      tmp_path)
    assert _hints(content) == [
        ("heavy-cook.yaml", "$.person_specification.criteria[0].weight", NOT_ALLOWED),
        ("weighted-cook.yaml", "$.person_specification.criteria[0].weight", NO_WEIGHTS),
        ("heavy-cook-2027.yaml", "$.scale", NO_WEIGHTS),
        ("heavy-cook-2027.yaml", "$.scale", NO_WEIGHTS)]


def test_a_weight_a_stage_scale_refuses_asks_for_the_sources(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CAMPAIGNS, content)
    vacancy = content / "vacancies" / "university-2027.yaml"
    vacancy.write_text(vacancy.read_text(encoding="utf-8").replace("D1: 2", "D1: 3"),
                       encoding="utf-8")
    generic = content / "vacancies" / "generic-2027.yaml"
    generic.write_text(generic.read_text(encoding="utf-8")
                       + "weights:\n  interview:\n    E2: 3\n", encoding="utf-8")
    assert sorted(_hints(content)) == [
        ("generic-2027.yaml", "$.weights.interview.E2", NO_WEIGHTS),
        ("university-2027.yaml", "$.weights.interview.D1", NOT_ALLOWED)]


def test_methods_written_wrongly_are_told_as_a_list_or_not_stated(tmp_path: Path) -> None:
    # The specification's one method written alone, an empty list, and words from the source:
    # each is told where it is written, as a list or "not stated", and E1 (which takes the
    # refused default) is not told again that it says nothing of how it is assessed.
    content = overlay(BASE / "base", INVALID / "assessed-by-written-wrongly" / "content",
                      tmp_path)
    problems, _ = validate(content)
    found = [(p.json_path, p.message, p.hint) for p in problems if p.blocking]
    listed = ("write what the source gives as a list, each entry on its own line starting "
              "with '- ', or  assessed_by: not stated  if the source does not say")
    assert found == [
        ("$.person_specification.assessed_by",
         "the text 'application' is neither a list nor 'not stated'",
         "write it as a list, even of one:  assessed_by: [application]"),
        ("$.person_specification.criteria[1].assessed_by", "this list is empty", listed),
        ("$.person_specification.criteria[2].assessed_by",
         "the text 'see advert' is neither a list nor 'not stated'", listed)]
