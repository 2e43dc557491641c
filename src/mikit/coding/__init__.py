"""Coding MI language: client talk, counsellor behaviours and transcripts."""

from mikit.coding.client import code_client

__all__ = ["code_client"]
