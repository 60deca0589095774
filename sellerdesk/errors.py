"""Error types shared by every layer.

``StoreUnavailable`` is the one error for failures caused by the environment (a locked,
read-only, corrupt or full database, a folder the user may not write). The GUI shows it in a
dialog and the command line prints it as one line; anything else is a bug and is never
swallowed.
"""


# Exit status of the command line and the app when the environment fails (StoreUnavailable).
EXIT_ENVIRONMENT = 3


class SellerDeskError(Exception):
    """Base class for errors SellerDesk reports to the user in plain words."""


class StoreUnavailable(SellerDeskError):
    """The data store cannot be used because of the environment, not because of a bug."""


class SchemaTooNew(StoreUnavailable):
    """The database was written by a newer SellerDesk than this one."""


class UsageError(SellerDeskError):
    """The user asked for something that cannot be done as asked (bad flags, bad values)."""
