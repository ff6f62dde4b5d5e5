"""Tests of generator/render: the Jinja environment, links and what all three renderers share."""
