"""Tests of generator/output and the whole build: staging, publishing, caches and faults."""
