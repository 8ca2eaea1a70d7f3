"""The model layer: the only code that reads botocore's raw JSON (load, select, IR, names, waiters)."""
