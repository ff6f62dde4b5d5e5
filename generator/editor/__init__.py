"""The browser editor: Decap CMS, configured from the JSON Schemas and served by Roleprint.

- `schemas`: the schemas read once, with their `$ref`s followed.
- `config`: the editor's configuration, made from the schemas (never written by hand).
- `shapes`: the small translations between what the files hold and what the editor's widgets
  can show (a plain list item becomes `{text: ...}` in the editor and a plain item again on save).
- `format`: `roleprint format`, the one layout every saved file is given.
- `backend`: the editor's local backend (Decap's proxy protocol) and the page that loads it.
- `run`: `roleprint edit`, which starts the backend and the live preview together.
"""
