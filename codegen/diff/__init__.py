"""What changed between two versions of a model, and the changelog renderings of it."""
