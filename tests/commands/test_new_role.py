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
    assert "there is already a role with the id 'support-worker'" in capsys.readouterr().err


def test_apostrophes_join_and_accents_drop_in_the_id(base_content: Path) -> None:
    assert run(["new", "role", "Children and Young People’s Café Lead", "--organisation",
                "example-council", "--content", str(base_content)]) == 0
    assert run(["new", "role", "Children's Worker", "--organisation", "example-council",
                "--content", str(base_content)]) == 0
    names = sorted(p.name for p in (base_content / "roles").iterdir())
    assert "children-and-young-peoples-cafe-lead.yaml" in names
    assert "childrens-worker.yaml" in names


def test_a_second_organisations_role_of_the_same_title_gets_its_own_id(
    base_content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 27, point 6: the id made from the title is taken by another organisation's role;
    the refusal suggests a free id, in words, and `--id` gives it."""
    organisations = base_content / "organisations"
    (organisations / "north-trust.yaml").write_text(
        (organisations / "example-council.yaml").read_text(encoding="utf-8").replace(
            "name: Example Council", "name: North Trust", 1), encoding="utf-8")
    command = ["new", "role", "Senior Support Worker", "--content", str(base_content)]
    assert run([*command, "--organisation", "example-council"]) == 0
    capsys.readouterr()
    assert run([*command, "--organisation", "north-trust"]) == 2
    err = capsys.readouterr().err
    assert "there is already a role with the id 'senior-support-worker'" in err
    assert "give it an id of its own with --id, for example --id " \
           "north-trust-senior-support-worker" in err
    assert run([*command, "--organisation", "north-trust",
                "--id", "north-trust-senior-support-worker"]) == 0
    text = (base_content / "roles" / "north-trust-senior-support-worker.yaml").read_text(
        encoding="utf-8")
    assert 'title: "Senior Support Worker"' in text and "organisation: north-trust" in text
    capsys.readouterr()
    # Both suggestions taken: a number after the title's id.
    assert run([*command, "--organisation", "north-trust"]) == 2
    assert "for example --id senior-support-worker-2" in capsys.readouterr().err
    # An id that cannot name a file is refused, saying why and what would do.
    assert run([*command, "--organisation", "north-trust", "--id", "Senior_Worker"]) == 2
    err = capsys.readouterr().err
    assert "the id 'Senior_Worker' cannot be used: lower-case letters" in err
    assert "--id senior-worker" in err
    assert run(["validate", "--content", str(base_content)]) == 0
