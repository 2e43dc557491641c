"""Reading and writing case and transcript files."""

from mikit.io.cases import dump_case, load_case, read_json, sample_case
from mikit.io.transcripts import load_transcript, load_transcripts

__all__ = [
    "dump_case",
    "load_case",
    "load_transcript",
    "load_transcripts",
    "read_json",
    "sample_case",
]
