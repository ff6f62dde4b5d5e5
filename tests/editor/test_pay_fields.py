"""Issue 28, point 4: the editor, made from the schemas, offers pay and benefits as written:
a salary's other rates and its supplements and allowances, each with its words and figures;
the pension as a text area for its paragraphs; benefits in groups under the source's headings;
and the source's labels for annual leave and pension."""

from __future__ import annotations

from typing import Any

from tests.editor.test_config import all_fields, collection_fields, field_paths

NEW = {
    "$.salary.rates", "$.salary.rates[].text", "$.salary.rates[].min", "$.salary.rates[].max",
    "$.salary.rates[].period", "$.salary.supplements", "$.salary.supplements[].text",
    "$.salary.supplements[].min", "$.salary.supplements[].max",
    "$.salary.supplements[].period", "$.terms.pension", "$.terms.benefit_groups",
    "$.terms.benefit_groups[].heading", "$.terms.annual_leave_label", "$.terms.pension_label",
}


def by_name(fields: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return next(f for f in fields if f["name"] == name)


def test_roles_and_vacancies_have_the_pay_fields() -> None:
    for kind in ("role", "vacancy"):
        assert field_paths(collection_fields(kind)) >= NEW, kind


def test_pay_fields_are_the_right_widgets() -> None:
    fields = collection_fields("role")
    salary, terms = by_name(fields, "salary")["fields"], by_name(fields, "terms")["fields"]
    rates = by_name(salary, "rates")
    assert rates["widget"] == "list" and by_name(rates["fields"], "text")["required"]
    assert by_name(by_name(salary, "supplements")["fields"], "period")["widget"] == "select"
    assert by_name(terms, "pension")["widget"] == "text"  # a text area keeps the paragraphs
    groups = by_name(terms, "benefit_groups")["fields"]
    items = by_name(groups, "items")
    assert items["widget"] == "list" and items["required"]
    assert by_name(groups, "heading")["label"] == "Heading"
    labels = {f["label"] for f in all_fields(fields)}
    assert {"Other rates, as worded", "Supplements and allowances", "Benefits in groups",
            "Annual leave label", "Pension label"} <= labels
