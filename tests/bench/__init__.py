"""Tests of the benchmarks in benchmarks/: their synthetic content and their reports."""
