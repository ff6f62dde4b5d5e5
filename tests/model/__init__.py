"""Tests of generator/model: assembly, and real job descriptions held as they are written."""
