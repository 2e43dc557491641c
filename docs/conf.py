"""Sphinx configuration for the mikit documentation.

Sphinx with MyST Markdown: pages are Markdown, the API reference comes from the
docstrings through autodoc and napoleon (Google style), and ``-W`` makes every
warning an error in CI.
"""

from __future__ import annotations

from importlib.metadata import version as _version

project = "mikit"
author = "the mikit developers"
copyright = "2026, the mikit developers"
release = _version("mikit")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_default_options = {"members": True, "show-inheritance": True}
autodoc_typehints = "description"
autodoc_member_order = "bysource"
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# No intersphinx: the build must work offline.

html_theme = "furo"
html_title = f"mikit {release}"
