"""Hypothesis profiles: ``default`` for local runs, ``ci`` with more examples.

Choose one with ``HYPOTHESIS_PROFILE=ci``; ``.ci/run`` does. Properties that must
hold more widely (the case round trips) ask for :data:`DEEP_EXAMPLES` themselves.
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
    max_examples=200,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default")
settings.load_profile(PROFILE)
