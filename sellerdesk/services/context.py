"""``AppContext``: what the GUI's composition root hands to services and controllers.

Like git-cola's ApplicationContext: one explicit object instead of globals. It carries the
store and the data dir; services are built from it where they are needed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sellerdesk.domain.timeutil import TIMEZONE_SETTING, resolve_timezone
from sellerdesk.store.store import Store


@dataclass
class AppContext:
    store: Store
    demo: bool = False

    @property
    def data_dir(self) -> Path:
        return self.store.data_dir

    def seller_timezone(self) -> dt.tzinfo:
        """The seller's time zone (settings key ``timezone``, an IANA name), else the system's."""
        return resolve_timezone(self.store.get_setting(TIMEZONE_SETTING))
