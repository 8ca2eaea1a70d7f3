"""The static run-time modules of the generated package, kept here as real source.

Each ``_*.py`` module is copied verbatim into every generated package (see
``codegen.emit.render.RUNTIME_SOURCES``): linted, type-checked with mypy --strict
and unit-tested as the generator's own code. Templates keep only what varies
with the model. These modules import each other relatively, as siblings.
"""
