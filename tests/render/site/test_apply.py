"""A vacancy page's Apply section: the employer's link or e-mail as a button, the closing date
and time with the UK's time zone, what to send, the candidates' forms, who to ask and how to ask
for adjustments; and nothing made up where the vacancy's record is silent."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from generator.model import Site
from generator.render.site.pages import render_all
from generator.render.site.recruiting import apply_button, closing_text
from tests.support.site import body_of, generate_and_build, load_site, read_back

VACANCY = "vacancies/support-worker-2027/index.md"
SILENT_APPLY_SECTION = """## Apply

!!! info "Open for applications"

    Closing date: **30 June 2027**.

**Forms for candidates:**

<ul class="rp-forms">
<li><a href="../../roles/support-worker/forms/application-form.html">Application form</a> \
(<a href="../../roles/support-worker/forms/application-form.pdf">PDF</a>, \
<a href="../../roles/support-worker/forms/application-form.docx">Word</a>)</li>
<li><a href="../../roles/support-worker/forms/equality-monitoring.html">Equality monitoring form\
</a> (<a href="../../roles/support-worker/forms/equality-monitoring.pdf">PDF</a>)</li>
</ul>

This page does not say how to send an application: ask \
[Example Council](../../organisations/example-council.md).

**Questions:** [Example Council](../../organisations/example-council.md).

**Adjustments:** if you need anything changed to apply or to come to an interview, ask \
[Example Council](../../organisations/example-council.md).

<div class="rp-summary" markdown>"""

FULL = """
closing_time: "12:00"
how_to_apply: |
  Apply online at https://jobs.example.org/ec-0001. Late applications are not accepted.
apply:
  url: https://jobs.example.org/ec-0001?from=site&x=(1)
  send:
    - The application form
    - A covering letter of **one page**
  adjustments: Tell Sam on the form, or write to <adjust@example.org>.
contact:
  name: Sam Jones
  email: jobs@example.org
  phone: "0113 000 0000"
"""


def page_of(content: Path) -> str:
    return read_back(render_all(load_site(content)))[VACANCY]


def add(content: Path, lines: str) -> Path:
    vacancy = content / "vacancies" / "support-worker-2027.yaml"
    vacancy.write_text(vacancy.read_text(encoding="utf-8") + lines, encoding="utf-8")
    return content


def test_a_silent_record_gives_an_apply_section_with_nothing_made_up(base_content: Path) -> None:
    """No link, e-mail address, contact, time or adjustments in the record: no button, the date
    without a time, and the employer as the one to ask."""
    body = body_of(page_of(base_content))
    assert SILENT_APPLY_SECTION in body
    assert body.index("## Apply") < body.index('<div class="rp-summary"')  # near the top
    for made_up in ("md-button", "UK time", "What to send", "phone", "How to apply"):
        assert made_up not in body


def test_the_apply_section_shows_what_the_record_gives(base_content: Path) -> None:
    page = page_of(add(base_content, FULL))
    section = body_of(page).split("## Apply", 1)[1].split('<div class="rp-summary"', 1)[0]
    assert ("[Apply on the employer's website](https://jobs.example.org/ec-0001?from=site&x=%281%29)"
            "{ .md-button .md-button--primary .rp-apply }") in section
    assert "Closing date: **30 June 2027, 12:00 noon UK time (BST)**." in section
    assert "**What to send:**\n\n- The application form\n- A covering letter of **one page**\n" \
        in section
    assert ("**Questions:** Sam Jones, by e-mail at [jobs@example.org](mailto:jobs@example.org) "
            "or by phone on 0113 000 0000.") in section
    assert "**Adjustments:** Tell Sam on the form, or write to <adjust@example.org>." in section
    assert "The full steps are under [How to apply](#how-to-apply) below." in section
    assert "## How to apply" in page.split('<div class="rp-summary"', 1)[1]  # the full text lower


def test_without_an_apply_link_the_button_writes_an_e_mail(base_content: Path) -> None:
    content = add(base_content, "apply:\n  email: apply@example.org\n"
                                "contact:\n  email: jobs@example.org\n")
    assert ("[Apply by e-mail](mailto:apply@example.org?subject=Application%3A%20EC-0001)"
            in page_of(content))
    vacancy = content / "vacancies" / "support-worker-2027.yaml"
    vacancy.write_text(vacancy.read_text(encoding="utf-8").replace(
        "apply:\n  email: apply@example.org\n", ""), encoding="utf-8")
    assert ("[E-mail the contact to apply](mailto:jobs@example.org?subject=Application%3A%20"
            "EC-0001)") in page_of(content)


def test_a_closed_vacancy_has_no_apply_section(base_content: Path) -> None:
    vacancy = base_content / "vacancies" / "support-worker-2027.yaml"
    add(base_content, FULL)
    vacancy.write_text(vacancy.read_text(encoding="utf-8").replace(
        "status: open", "status: closed"), encoding="utf-8")
    page = page_of(base_content)
    assert "## Apply\n" not in page and "md-button" not in page
    assert "forms/application-form" not in page
    assert "This vacancy is closed" in page


@pytest.mark.parametrize(("date", "time", "expected"), [
    ("2027-01-15", "09:30", "15 January 2027, 09:30 UK time (GMT)"),
    ("2027-06-30", "12:00", "30 June 2027, 12:00 noon UK time (BST)"),
    # The clocks go forward at 01:00 GMT on 28 March 2027 and back at 02:00 BST on 31 October.
    ("2027-03-28", "00:30", "28 March 2027, 00:30 UK time (GMT)"),
    ("2027-03-28", "23:59", "28 March 2027, 23:59 UK time (BST)"),
    ("2027-10-31", "00:30", "31 October 2027, 00:30 UK time (BST)"),
    ("2027-10-31", "17:00", "31 October 2027, 17:00 UK time (GMT)"),
    ("2027-10-31", None, "31 October 2027"),  # no time in the record: none is made up
])
def test_the_closing_time_says_its_time_zone(site: Site, date: str, time: str | None,
                                             expected: str) -> None:
    vacancy = dataclasses.replace(site.vacancies["support-worker-2027"], closing_date=date,
                                  closing_time=time)
    assert closing_text(vacancy) == expected


def test_no_button_but_an_http_one(site: Site) -> None:
    """The schema allows only http(s) links; the page checks again rather than trust it."""
    from generator.model import Apply

    vacancy = site.vacancies["support-worker-2027"]
    for url in ("javascript:alert(1)", "data:text/html,x", "ftp://x.example.org"):
        assert apply_button(dataclasses.replace(vacancy, apply=Apply(url=url))) is None
    button = apply_button(dataclasses.replace(vacancy, apply=Apply(url="HTTPS://x.org/a b")))
    assert button is not None and button.href == "HTTPS://x.org/a%20b"
    closed = dataclasses.replace(vacancy, status="closed", apply=Apply(url="https://x.org"))
    assert apply_button(closed) is None


def test_the_built_page_has_the_button_and_links_bare_addresses(base_content: Path,
                                                                 tmp_path: Path) -> None:
    _, built, warnings = generate_and_build(load_site(add(base_content, FULL)), tmp_path / "b")
    assert warnings == []
    page = (built / "vacancies" / "support-worker-2027" / "index.html").read_text("utf-8")
    assert re.search(r'<a class="md-button md-button--primary rp-apply" '
                     r'href="https://jobs\.example\.org/ec-0001\?from=site&amp;x=%281%29">'
                     r"Apply on the employer's website</a>", page)
    # The bare address in "How to apply" is a link, the full stop after it is not part of it.
    assert ('Apply online at <a href="https://jobs.example.org/ec-0001">'
            "https://jobs.example.org/ec-0001</a>. Late") in page


@pytest.fixture
def site(base_content: Path) -> Site:
    return load_site(base_content)
