"""Tests of generator/render/site: the role pages, their golden Markdown, MkDocs and Zensical
builds."""
