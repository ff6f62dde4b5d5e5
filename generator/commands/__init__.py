"""One module per `roleprint` subcommand: settings in, an exit status out.

Each module's `run(settings)` does one command with the pipeline below it (content → model →
render → output) and reports through `generator.report`; `generator.cli` turns the command line
into those settings and is the only module that knows about `argparse`.
"""
