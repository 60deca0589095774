"""Where SellerDesk keeps its data.

One data directory holds the database, its backups and evidence files. Its location is, in
order: ``--data-dir``, the ``SELLERDESK_DATA_DIR`` environment variable, then platformdirs'
user data dir. ``--demo`` uses a separate directory so demo mail never mixes with real mail.
Nothing here runs at import time.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "SELLERDESK_DATA_DIR"
DB_FILENAME = "sellerdesk.db"


def default_data_dir() -> Path:
    """platformdirs' user data dir for SellerDesk."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("SellerDesk", appauthor=False))


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The data dir chosen by the command line, else the environment, else platformdirs."""
    if cli_value:
        return Path(cli_value).expanduser()
    env_value = os.environ.get(ENV_DATA_DIR)
    if env_value:
        return Path(env_value).expanduser()
    return default_data_dir()


def demo_data_dir() -> Path:
    """The demo inbox's own data dir, beside (never inside) the seller's data."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("SellerDesk-demo", appauthor=False))


def database_path(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def evidence_dir(data_dir: Path) -> Path:
    return data_dir / "evidence"


def assets_dir() -> Path:
    """Package data (fonts, rules, translations), also inside a PyInstaller bundle."""
    import sys

    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "sellerdesk" / "assets"
    return Path(__file__).resolve().parent / "assets"
