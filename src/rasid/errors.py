"""User-facing errors: the CLI prints their message as one line and exits non-zero."""


class RasidError(Exception):
    """Bad input or a failed operation, explained in one line."""
