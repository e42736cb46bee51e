"""The pipeline stages, one module per arrow of DESIGN.md; each maps a Document to a Document."""
