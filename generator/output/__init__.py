"""The write stage: rendered files into a staging tree, the site engine over it, published whole.

Takes in the model and the renderers. `staging` writes the complete Markdown, asset and form
tree (the work split over processes), `engine` runs the site engine (MkDocs) on it, and
`publish` with `swap` replaces the old output only when the new one is complete, one command
at a time. Gives out the published folder, or the old one untouched and a message saying why.
"""
