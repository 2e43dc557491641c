"""Hypothesis profiles: ``default`` for local runs, ``ci`` with more examples.

Choose one with ``HYPOTHESIS_PROFILE=ci``; ``.ci/run`` does.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Checked by mypy, never run: it writes files as an example of the public API would.
collect_ignore = ["typing"]

settings.register_profile("default", deadline=None)
settings.register_profile(
    "ci",
    deadline=None,
    max_examples=500,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
