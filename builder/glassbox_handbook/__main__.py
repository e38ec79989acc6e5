"""`python -m glassbox_handbook`: the command line (`glassbox_handbook.cli`)."""

import sys

from glassbox_handbook.cli import main

sys.exit(main())
