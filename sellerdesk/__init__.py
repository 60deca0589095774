"""SellerDesk: an offline inbox, draft checker and returns checklist for Amazon sellers."""

__version__ = "0.1.0"
APP_NAME = "SellerDesk"
