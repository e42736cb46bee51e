"""Graphs derived from documents: build.py makes them, query.py answers questions about them."""
