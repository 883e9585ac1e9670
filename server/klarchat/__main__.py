import sys

from klarchat.cli import main

sys.exit(main())
