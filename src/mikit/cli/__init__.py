"""The ``mikit`` command."""

from mikit.cli.main import main

__all__ = ["main"]
