"""Reading ease per role and per advert, and sentences over 25 words.

Syllables are counted as textstat counts them (generator/lint/syllables.py; docs/lint.md says
why textstat itself is not called). A reading age is the Flesch–Kincaid grade
plus five (a US school grade starts at age five or six), the measure GOV.UK and NHS writing
guidance use when they aim at a reading age of about nine to twelve.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.lint.context import Context, Finding
from generator.lint.registry import rule
from generator.lint.syllables import syllables
from generator.lint.texts import records
from generator.lint.words import sentences

LONG_SENTENCE = 25
# Fewer words than this give a score that says more about the sample than the writing.
MIN_WORDS = 100


# Hyphenated words are counted as their parts ("up-to-date" is three words of one syllable):
# the pronouncing dictionary has the parts, and rarely the whole.
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")


def reading_age(text: str) -> tuple[float, float]:
    """(reading age, Flesch reading ease) of a text: the Flesch–Kincaid grade plus five, and
    the reading ease, from the counts of words, sentences and syllables."""
    # ASCII text is lowered whole (the same words, in one call rather than one a word); other
    # text word by word, as lowering can turn a letter outside A-Z into one inside.
    words = (_WORD.findall(text.lower()) if text.isascii()
             else [w.lower() for w in _WORD.findall(text)])
    total = len(words)
    if not total:
        return 0.0, 100.0
    sentences = max(1, len(_SENTENCE_END.findall(text)))
    per_sentence = total / sentences
    # `syllables` is memoised: a word seen before costs a look-up in C, with no Python call.
    per_word = sum(map(syllables, words)) / total
    grade = 0.39 * per_sentence + 11.8 * per_word - 15.59
    ease = 206.835 - 1.015 * per_sentence - 84.6 * per_word
    return grade + 5, ease


def _sentence(text: str) -> str:
    """A list item or heading ends in a full stop, so the scorer does not read a whole list
    as one sentence."""
    text = text.strip()
    return text if text[-1:] in ".!?:;" else text + "."


@rule("writing-reading-age", "warning",
      "text above a reading age of about twelve is hard going for many adults in the UK")
def reading(ctx: Context) -> Iterator[Finding]:
    target = ctx.config.reading_age
    for record in records(ctx):
        if record.kind not in ("role", "vacancy") or not record.prose:
            continue
        pieces = [piece[2] for piece in record.prose]
        if record.kind == "vacancy":  # the advert: the vacancy's own text and the role's aim
            role = ctx.site.vacancies[record.id].role
            pieces = [p for p in (role.introduction, role.purpose) if p] + pieces
        text = " ".join(_sentence(p) for p in pieces)
        if len(text.split()) < MIN_WORDS:
            continue
        age, ease = reading_age(text)
        if age > target:
            what = "advert" if record.kind == "vacancy" else "role"
            yield ctx.find("writing-reading-age", record.kind, record.id, (),
                           f"the {what} reads at a reading age of about {age:.0f} (Flesch "
                           f"reading ease {ease:.0f}); the aim is {target} or under",
                           "use shorter sentences and everyday words; split long lists of "
                           "duties into one duty an item", organisation=record.organisation,
                           where=f"the whole {what}")


@rule("writing-long-sentence", "info",
      "sentences over 25 words are hard to follow, more so on a phone or with a screen reader")
def long_sentences(ctx: Context) -> Iterator[Finding]:
    for record in records(ctx):
        for path, label, text in record.prose:
            if text.count(" ") < LONG_SENTENCE:  # too few words for a long sentence
                continue
            long = [s for s in sentences(text) if len(s.split()) > LONG_SENTENCE]
            if not long:
                continue
            longest = max(long, key=lambda s: len(s.split()))
            start = " ".join(longest.split()[:8])
            noun = "sentence" if len(long) == 1 else "sentences"
            yield ctx.find("writing-long-sentence", record.kind, record.id, path,
                           f"{len(long)} {noun} over {LONG_SENTENCE} words (the longest, "
                           f"{len(longest.split())} words, starts '{start} …')",
                           "split it where the subject changes", organisation=record.organisation,
                           where=label)
