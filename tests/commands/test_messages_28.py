"""Issue 28, point 9: the new role's skeleton offers "not stated" where the source may be
silent (how criteria are assessed, essential or desirable), so its example is not taken for
a default to keep."""

from __future__ import annotations

from pathlib import Path

from generator.cli import run


def test_the_skeleton_offers_not_stated_beside_its_examples(base_content: Path) -> None:
    assert run(["new", "role", "Cook", "--organisation", "example-council",
                "--content", str(base_content)]) == 0
    lines = (base_content / "roles" / "cook.yaml").read_text(encoding="utf-8").splitlines()
    methods = next(line for line in lines if line.startswith("#   assessed_by:"))
    assert methods.endswith("# as the source says, for all criteria; or: not stated")
    first = next(line for line in lines if "requirement:" in line)
    assert first.endswith("# essential, desirable or not stated")
