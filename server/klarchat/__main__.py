import sys

from klarchat.cli import main

# Guarded: redaction worker processes are spawned, and a spawned process imports the
# parent's main module again; unguarded, it would start a second server.
if __name__ == "__main__":
    sys.exit(main())
