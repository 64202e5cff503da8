"""Readers: bytes to text, files to articles."""
