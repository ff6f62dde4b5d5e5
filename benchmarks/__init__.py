"""Synthetic content and the `make bench` benchmark (see docs/performance.md)."""
