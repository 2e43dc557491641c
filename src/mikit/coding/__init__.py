"""Coding MI language: client talk, counsellor behaviours and transcripts."""

from mikit.coding.client import code_client
from mikit.coding.counselor import code_counselor
from mikit.coding.miti import miti_scores
from mikit.coding.transcript import ClientCoder, CounselorCoder, code_transcript

__all__ = [
    "ClientCoder",
    "CounselorCoder",
    "code_client",
    "code_counselor",
    "code_transcript",
    "miti_scores",
]
