"""Tests of generator/render/exports: the Word, Excel and CSV files."""
