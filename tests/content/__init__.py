"""Tests of generator/content: discovery, the hardened loader, the schema checks, the cross-checks
and rules, the shipped content."""
