"""Turning articles into index records: load, clean, chunk, embed, write (crash-safe order).

Shared by the ingest CLI (``python -m ingest``) and the service's document endpoints, so that
both go through the same pipeline; ``service`` never imports ``ingest``.
"""
