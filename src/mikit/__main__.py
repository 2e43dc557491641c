"""``python -m mikit`` runs the ``mikit`` command."""

import sys

from mikit.cli import main

sys.exit(main())
