"""Tests of generator/commands: the live preview and `roleprint new role`."""
