"""Accessibility tests (WCAG 2.2 AA): axe-core, the Nu HTML Checker, keyboard, reflow, tagged
PDFs."""
