"""Tests of generator/lint: each rule, the command, the pre-commit hooks, the content-health
page."""
