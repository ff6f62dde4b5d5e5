"""Tests of generator/scoring: one recruitment's campaign, its sheets, question plans, packs and
workbooks."""
