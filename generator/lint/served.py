"""Whether a trait word is about the people a service is for, not the candidate.

Gaucher, Friesen and Kay (2011) list "autonom*" and "independen*" as masculine-coded because
an advert asks them of the candidate. In care work the same words name the rights of the people
served ("self-determination and autonomy for service users"), and `writing-gender-coded`
leaves those out. The words, the people and the verbs of care are in data/words.yaml
(`about_others`, `served`, `fostered_by`).
"""

from __future__ import annotations

import re
from functools import cache

from generator.lint.words import word_data

# Up to three words joined by commas, "and" or "or": "autonomy, choice and control".
_LISTED = r"(?:[\w-]+\s*(?:,|\band\b|\bor\b)\s*){0,3}"
_WINDOW = 120  # characters looked at on each side: a clause, not the whole text


@cache
def _patterns() -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str]]:
    data = word_data()["gender"]
    people = sorted((r"\s+".join(map(re.escape, who.split())) for who in data["served"]),
                    key=len, reverse=True)
    served = "(?:" + "|".join(people) + ")"
    # After the word: "… of service users", "… and independence of the people we support".
    after = re.compile(rf"(?:\s*(?:,|\band\b|\bor\b)\s*[\w-]+){{0,3}}\s+(?:for|of)\s+"
                       rf"(?:(?:the|our|all|their)\s+)?{served}\b", re.IGNORECASE)
    # Before it: "their …", "service users' …", "service user …", "clients to be …", and
    # the care a service gives ("promotes independence, dignity and choice").
    verbs = "|".join(map(re.escape, data["fostered_by"]))
    before = re.compile(rf"(?:\btheir|\b{served}(?:['’]s?)?|\b{served}\s+to\s+(?:be|become|"
                        rf"remain|stay|live)(?:\s+more)?|\b(?:{verbs})(?:\s+(?:the|their))?)"
                        rf"\s+{_LISTED}$", re.IGNORECASE)
    return frozenset(w.casefold() for w in data["about_others"]), after, before


def about_served(text: str, start: int, end: int) -> bool:
    """Whether the trait word at text[start:end] is said of the people the service is for."""
    words, after, before = _patterns()
    if text[start:end].casefold() not in words:
        return False
    return bool(after.match(text, end, min(len(text), end + _WINDOW))
                or before.search(text, max(0, start - _WINDOW), start))
