"""Allow ``python -m sellerdesk``."""

import sys

from sellerdesk.app import main

sys.exit(main())
