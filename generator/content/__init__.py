"""The content stage: the YAML files in, a checked model (or every problem) out.

Takes in the content folder. `discover` finds one record per file, `yamlload` reads each one
hardened (every value with its line and column), `schemacheck` holds it to its JSON Schema
(`validpart` keeps the part that passes), and `crosscheck` with `rules` and the `*rules`
modules check records against each other. `load.load()` runs them in that order and gives out a
`LoadResult`: the `generator.model.Site` when nothing blocks, and every problem, sorted.
`validate` is the same check with a memory, for `roleprint validate` and the editor.
"""
