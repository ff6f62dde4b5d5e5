"""`roleprint new role` writes a skeleton that validates and points the editor at its schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import run


def test_new_role_skeleton_validates(
    base_content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = run(["new", "role", "Senior Care Worker (Nights)", "--organisation",
                  "example-council", "--content", str(base_content)])
    assert status == 0
    path = base_content / "roles" / "senior-care-worker-nights.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/role.schema.json\n")
    assert 'title: "Senior Care Worker (Nights)"' in text
    capsys.readouterr()
    assert run(["validate", "--content", str(base_content)]) == 0


def test_uncommenting_the_skeleton_still_validates(base_content: Path) -> None:
    assert run(["new", "role", "Cook", "--organisation", "example-council",
                "--content", str(base_content)]) == 0
    path = base_content / "roles" / "cook.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [line[2:] if (line.startswith("# ") and not line.startswith("# yaml") and ":" in line)
            or line.startswith("#   ") else line for line in lines[7:]]
    path.write_text("\n".join(lines[:7] + body) + "\n", encoding="utf-8")
    assert run(["validate", "--content", str(base_content)]) == 0


def test_new_role_refuses_unknown_organisation_and_overwrite(
    base_content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["new", "role", "Cook", "--organisation", "nobody",
                "--content", str(base_content)]) == 2
    assert "there is no organisation 'nobody'" in capsys.readouterr().err
    assert run(["new", "role", "Support Worker", "--organisation", "example-council",
                "--content", str(base_content)]) == 2
    assert "already exists" in capsys.readouterr().err


def test_apostrophes_join_and_accents_drop_in_the_id(base_content: Path) -> None:
    assert run(["new", "role", "Children and Young People’s Café Lead", "--organisation",
                "example-council", "--content", str(base_content)]) == 0
    assert run(["new", "role", "Children's Worker", "--organisation", "example-council",
                "--content", str(base_content)]) == 0
    names = sorted(p.name for p in (base_content / "roles").iterdir())
    assert "children-and-young-peoples-cafe-lead.yaml" in names
    assert "childrens-worker.yaml" in names
