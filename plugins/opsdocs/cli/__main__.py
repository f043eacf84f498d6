"""``python -m opsdocs.cli``: the ``opsdocs`` command."""

import sys

from opsdocs.cli import main

sys.exit(main())
