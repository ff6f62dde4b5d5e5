"""Tests of generator/render/forms: the printable HTML forms, their golden files, and the PDFs."""
