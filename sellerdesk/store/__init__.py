"""The SQLite store (sqlite-utils). No Qt here."""
