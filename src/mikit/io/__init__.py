"""Reading and writing case and transcript files."""

from mikit.io.cases import dump_case, load_case, read_json, sample_case

__all__ = ["dump_case", "load_case", "read_json", "sample_case"]
