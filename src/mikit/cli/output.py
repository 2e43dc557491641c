"""Printing for subcommands: plain text or JSON, always UTF-8 safe."""

from __future__ import annotations

import json
import sys
from typing import Any

__all__ = ["print_json", "print_text"]


def print_json(data: Any) -> None:
    """Print *data* as indented JSON on stdout."""
    print(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def print_text(text: str) -> None:
    """Print *text* on stdout, replacing what the terminal cannot encode."""
    encoding = sys.stdout.encoding or "utf-8"
    print(text.encode(encoding, errors="replace").decode(encoding, errors="replace"))
