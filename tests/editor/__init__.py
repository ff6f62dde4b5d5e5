"""Tests of generator/editor: the backend, its configuration, its security, the formatter, the CI
templates."""
