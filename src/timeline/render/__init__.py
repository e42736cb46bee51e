"""Renderers: Documents -> HTML. Imports pyvis lazily, so parsing works without it loaded."""
