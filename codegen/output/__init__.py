"""From source text to files: formatting, and the safe write (or ``--check``) of the package."""
