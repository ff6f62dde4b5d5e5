"""The equality-monitoring questions, as data.

Standard UK questions: the ethnic groups and religions are the categories of the 2021 Census
for England and Wales (ONS); disability uses the Equality Act 2010 definition. Every question
ends with "Prefer not to say", added here so no question can leave it out.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Option:
    key: str
    text: str
    write_in: bool = False   # "Any other …": a box to describe it


@dataclass(frozen=True)
class OptionGroup:
    heading: str | None
    options: tuple[Option, ...]


@dataclass(frozen=True)
class Question:
    key: str
    legend: str
    groups: tuple[OptionGroup, ...]
    hint: str | None = None
    multiple: bool = False   # "tick all that apply"

    @property
    def options(self) -> tuple[Option, ...]:
        return tuple(o for g in self.groups for o in g.options)


PREFER_NOT = Option("prefer-not-to-say", "Prefer not to say")


def _options(*items: str | tuple[str, str] | Option) -> tuple[Option, ...]:
    out = []
    for item in items:
        if isinstance(item, Option):
            out.append(item)
        elif isinstance(item, tuple):
            out.append(Option(item[0], item[1]))
        else:
            out.append(Option(item.lower().replace(" ", "-"), item))
    return tuple(out)


def _question(key: str, legend: str, *groups: OptionGroup | tuple[Option, ...],
              hint: str | None = None, multiple: bool = False) -> Question:
    grouped = tuple(g if isinstance(g, OptionGroup) else OptionGroup(None, g) for g in groups)
    return Question(key, legend, (*grouped, OptionGroup(None, (PREFER_NOT,))), hint, multiple)


def _other(key: str, text: str) -> Option:
    return Option(key, text, write_in=True)


QUESTIONS: tuple[Question, ...] = (
    _question("age", "What is your age?", _options(
        ("16-24", "16 to 24"), ("25-34", "25 to 34"), ("35-44", "35 to 44"),
        ("45-54", "45 to 54"), ("55-64", "55 to 64"), ("65-plus", "65 or over"))),
    _question("sex", "What is your sex?", _options("Female", "Male")),
    _question("gender-identity",
              "Is the gender you identify with the same as your sex registered at birth?",
              _options("Yes", _other("no", "No, write in your gender identity if you wish"))),
    _question("sexual-orientation", "Which of the following best describes your sexual "
              "orientation?", _options(
                  ("straight", "Straight or heterosexual"), ("gay-lesbian", "Gay or lesbian"),
                  "Bisexual", _other("other", "Other sexual orientation, write in"))),
    _question(
        "ethnicity", "What is your ethnic group?",
        OptionGroup("Asian, Asian British or Asian Welsh", _options(
            ("asian-bangladeshi", "Bangladeshi"), ("asian-chinese", "Chinese"),
            ("asian-indian", "Indian"), ("asian-pakistani", "Pakistani"),
            _other("asian-other", "Any other Asian background, write in"))),
        OptionGroup("Black, Black British, Black Welsh, Caribbean or African", _options(
            ("black-african", "African"), ("black-caribbean", "Caribbean"),
            _other("black-other", "Any other Black, Black British or Caribbean background, "
                   "write in"))),
        OptionGroup("Mixed or Multiple ethnic groups", _options(
            ("mixed-white-asian", "White and Asian"),
            ("mixed-white-black-african", "White and Black African"),
            ("mixed-white-black-caribbean", "White and Black Caribbean"),
            _other("mixed-other", "Any other Mixed or Multiple ethnic background, write in"))),
        OptionGroup("White", _options(
            ("white-british", "English, Welsh, Scottish, Northern Irish or British"),
            ("white-irish", "Irish"), ("white-gypsy-traveller", "Gypsy or Irish Traveller"),
            ("white-roma", "Roma"), _other("white-other", "Any other White background, write in"))),
        OptionGroup("Other ethnic group", _options(
            ("other-arab", "Arab"), _other("other-any", "Any other ethnic group, write in"))),
        hint="Choose one option that best describes your ethnic group or background."),
    _question("religion", "What is your religion?", _options(
        ("none", "No religion"), ("christian", "Christian (including Church of England, Catholic, "
                                  "Protestant and all other Christian denominations)"),
        "Buddhist", "Hindu", "Jewish", "Muslim", "Sikh",
        _other("other", "Any other religion, write in"))),
    _question(
        "disability", "Do you consider yourself to have a disability?",
        _options("Yes", "No"),
        hint="The Equality Act 2010 says you are disabled if you have a physical or mental "
             "impairment that has a substantial and long-term adverse effect on your ability "
             "to carry out normal day-to-day activities. Long-term means 12 months or more."),
    _question(
        "caring", "Do you have caring responsibilities?",
        _options(("none", "No"),
                 ("child", "Yes, for a child or children under 18"),
                 ("disabled-child", "Yes, for a disabled child or children under 18"),
                 ("disabled-adult", "Yes, for a disabled adult (18 or over)"),
                 ("older-person", "Yes, for an older person or people (65 or over)"),
                 _other("other", "Yes, other caring responsibilities, write in")),
        hint="Caring means looking after or supporting someone because of their age, a "
             "long-term illness or condition, or a disability. Tick all that apply.",
        multiple=True),
)
