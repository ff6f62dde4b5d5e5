"""Pay as the source writes it: beside the salary's own words, any other rates it gives (a
London and a national rate, a range and a starting salary) and its supplements and allowances
("Level 2 Flexibility Payment", London weighting, on-call pay), each in its own words with its
figures only where the source gives them.

Kept apart from `generator.model` so that module stays readable; the model imports it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PayFigure:
    """One rate, supplement or allowance: its words, and its figures where the source gives
    them (`period` as the salary's: year, month, week, day, hour or not stated)."""

    text: str
    min: float | None = None
    max: float | None = None
    period: str | None = None

    @property
    def figures(self) -> tuple[float, ...]:
        return tuple(f for f in (self.min, self.max) if f is not None)


def covering(figures: tuple[PayFigure, ...]) -> PayFigure | None:
    """The range from the lowest to the highest figure of those paid per the same period as
    the first with figures (a London and a national rate: from the lower to the higher); None
    when none has a figure. Nothing is added: each end is one of the source's own figures."""
    with_figures = [f for f in figures if f.figures]
    if not with_figures:
        return None
    period = with_figures[0].period
    alike = [n for f in with_figures if f.period == period for n in f.figures]
    return PayFigure("", min(alike), max(alike), period)
