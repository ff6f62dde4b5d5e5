"""Writing checks: wording that puts people off by age or sex, jargon and unexplained acronyms.

All of these advise; none blocks. The word lists are in data/words.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from generator.lint.context import Context, Finding
from generator.lint.registry import rule
from generator.lint.served import about_served
from generator.lint.syllables import in_dictionary
from generator.lint.texts import Record, records
from generator.lint.words import Exceptions, Prose, WordList, word_data

GENDER_NOTE = "the research on gender-coded words is mixed: treat this as a prompt, not a rule"


def _hits(record: Record, wordlist: WordList, exceptions: Exceptions,
          also: Callable[[str, int, int], bool] | None = None
          ) -> tuple[Prose | None, list[str]]:
    """The first piece of text with a match, and every word matched (in order, once each);
    a match inside an exception, or for which `also` is true, does not count."""
    first: Prose | None = None
    words: dict[str, None] = {}
    listed = wordlist.first
    if listed.isdisjoint(record.all_words):
        return first, []
    for piece, present in zip(record.prose, record.words, strict=True):
        if listed.isdisjoint(present):  # as finditer would find, without the call
            continue
        text = piece[2]
        for found in wordlist.finditer(text, present):
            if exceptions.covers(text, found.start(), found.end()) or (
                    also is not None and also(text, found.start(), found.end())):
                continue
            first = first or piece
            words.setdefault(" ".join(found.group(0).lower().split()), None)
    return first, list(words)


def _at(ctx: Context, rule_id: str, record: Record, piece: Prose, message: str,
        hint: str) -> Finding:
    path, label, _ = piece
    return ctx.find(rule_id, record.kind, record.id, path, message, hint,
                    organisation=record.organisation, where=label)


@rule("writing-age-coded", "warning",
      "wording that suggests an age (young, energetic, mature) can put off people of other ages")
def age_coded(ctx: Context) -> Iterator[Finding]:
    data = word_data()["age"]
    pattern, exceptions = WordList(data["words"]), Exceptions(data["exceptions"])
    for record in records(ctx):
        first, words = _hits(record, pattern, exceptions)
        if first:
            yield _at(ctx, "writing-age-coded", record, first,
                      "age-coded wording: " + ", ".join(f"'{w}'" for w in words),
                      "describe the work or the skill instead, for example 'able to learn "
                      "new systems quickly' rather than 'digital native'")


@cache
def _gender_patterns() -> tuple[WordList, WordList]:
    data = word_data()["gender"]
    return WordList(data["masculine"]), WordList(data["feminine"])


@rule("writing-gender-coded", "info",
      "masculine-coded wording may put some women off applying (research findings are mixed)")
def gender_coded(ctx: Context) -> Iterator[Finding]:
    masculine, feminine = _gender_patterns()
    names = [o.name for o in ctx.site.organisations.values()]
    names += [o.short_name for o in ctx.site.organisations.values() if o.short_name]
    titles = [r.title for r in ctx.site.roles.values()] + [
        v.title for v in ctx.site.vacancies.values()]
    exceptions = Exceptions([*word_data()["gender"]["exceptions"], *names, *titles])
    for record in records(ctx):
        first_m, male = _hits(record, masculine, exceptions, about_served)
        _, female = _hits(record, feminine, exceptions)
        # Only a lean to the masculine is reported: that is what the study found deters.
        if len(male) > len(female) and first_m:
            yield _at(ctx, "writing-gender-coded", record, first_m,
                      f"more masculine-coded words ({', '.join(male)}) than feminine-coded "
                      f"({', '.join(female) or 'none'}); {GENDER_NOTE}",
                      "where a word describes a trait rather than the work, a neutral one may "
                      "read as more welcoming")


@rule("writing-jargon", "info",
      "jargon makes a role harder to understand for people outside the organisation")
def jargon(ctx: Context) -> Iterator[Finding]:
    nothing = Exceptions([])
    patterns: dict[str | None, WordList] = {}
    for record in records(ctx):
        org = record.organisation
        if org not in patterns:
            extra = ctx.config.jargon_for(org) if org else ctx.config.jargon
            patterns[org] = WordList([*word_data()["jargon"], *extra])
        first, words = _hits(record, patterns[org], nothing)
        if first:
            yield _at(ctx, "writing-jargon", record, first,
                      "jargon: " + ", ".join(f"'{w}'" for w in words),
                      "use the everyday word, for example 'use' for 'utilise'")


# A capital not after a letter, digit or '&', then letters (or '&') up to a capital that ends
# the word. The look-behind comes after the first capital (it looks at the character before
# that capital): a pattern that starts with a character class is searched for in C, at half
# the cost of one that starts with a look-behind and is tried at every position.
_ACRONYM = re.compile(r"[A-Z](?<![\w&][A-Z])[A-Za-z&]*[A-Z](?![\w&])")


# Acronyms are short: a word in capitals this long is an ordinary word written in capitals
# ("SHORTLISTING"), as is a shorter one the dictionary has ("CRITERIA", "WEIGHTING"). Below
# four letters the dictionary holds abbreviations said as letters ("FBI"), so it is not asked.
_SHOUTED_LENGTH = 8
_DICTIONARY_LENGTH = 4


def _ordinary_word(word: str) -> bool:
    """Whether a word in capitals is an ordinary word, not an acronym to explain."""
    if len(word) >= _SHOUTED_LENGTH:
        return True
    if len(word) < _DICTIONARY_LENGTH:
        return False
    low = word.lower()
    return in_dictionary(low) or (low.endswith("s") and in_dictionary(low[:-1]))


# Capital words one after another, with only spaces and punctuation between: a heading or a
# phrase written in capitals ("KEY DUTIES AND RESPONSIBILITIES").
_CAPS_RUN = re.compile(r"\b[A-Z][A-Z&'’]*\b(?:[ ,:;/&()–-]+\b[A-Z][A-Z&'’]*\b)+")


def _in_shouted_run(text: str, start: int) -> bool:
    """Whether the capital word at `start` is part of a run of capital words that holds an
    ordinary word: its short words ("KEY", "AND", "THE") are that heading's words too."""
    for run in _CAPS_RUN.finditer(text):
        if run.start() <= start < run.end():
            return any(_ordinary_word(w) for w in re.findall(r"[A-Z][A-Z&'’]*", run[0]))
    return False


def _names(ctx: Context) -> set[str]:
    """The words of every organisation's name and short name: a charity's own name ("SAFE",
    "DASH") or its initials are its name, explained by its own page, not an acronym."""
    found: set[str] = set()
    for org in ctx.site.organisations.values():
        for name in (org.name, org.short_name or "", *org.formerly):
            found.update(re.findall(r"[\w&]+", name))
    return found


@rule("writing-acronym", "info",
      "an acronym nobody explains shuts out the readers who do not know it")
def acronyms(ctx: Context) -> Iterator[Finding]:
    known = ({t.term for t in ctx.site.glossary} | set(word_data()["acronyms_known"])
             | _names(ctx))
    for record in records(ctx):
        first: Prose | None = None
        missing: dict[str, None] = {}
        for piece in record.prose:
            for found in _ACRONYM.finditer(piece[2]):
                word = found.group(0)
                if word in known or (word.endswith("s") and word[:-1] in known):
                    continue
                if sum(ch.isupper() for ch in word) < 2 or word[1:].islower():
                    continue
                if word.isupper() and (_ordinary_word(word) or (
                        in_dictionary(word.lower())
                        and _in_shouted_run(piece[2], found.start()))):
                    continue
                first = first or piece
                missing.setdefault(word, None)
        if first:
            yield _at(ctx, "writing-acronym", record, first,
                      "not in the glossary: " + ", ".join(missing),
                      "add each to content/glossary.yaml, or write it out in full")
