"""Roleprint: role profiles, person specifications and recruitment forms from YAML."""

__version__ = "0.1.0"
