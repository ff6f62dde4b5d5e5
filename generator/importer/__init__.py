"""`roleprint import`: existing job descriptions (Word, PDF, text, Markdown) into draft roles.

read (guard, readers) → blocks → structure (header, lists, spec) → draft → command.
"""
