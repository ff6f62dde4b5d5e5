"""Tests of generator/collate: `roleprint collate` and `roleprint purge`."""
