"""Tests of generator/importer: job descriptions in every shape, imported and measured."""
