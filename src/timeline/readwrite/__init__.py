"""Readers and writers, one module per format (networkx's read_/parse_/generate_/write_)."""
