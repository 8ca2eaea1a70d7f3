"""From the IR to Python source text: views, type annotations, docs, patterns, templates."""
