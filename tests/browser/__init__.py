"""End-to-end tests in Chromium: the site, the forms, search and the editor."""
