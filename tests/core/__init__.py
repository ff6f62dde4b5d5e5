"""Tests of generator/core: the cached runner, the text helpers."""
