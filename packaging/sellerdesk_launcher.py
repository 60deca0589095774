"""PyInstaller entry point: the same ``main`` as the ``sellerdesk`` command."""

import sys

from sellerdesk.app import main

if __name__ == "__main__":
    sys.exit(main())
