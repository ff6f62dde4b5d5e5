"""Helpers shared by the tests of several stages: the browser, waiting, site and form builders, the
editor over HTTP, the seed checks."""
