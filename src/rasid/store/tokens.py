"""API tokens for reviewers: only a salted hash is stored; the token is shown once, at creation."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from rasid.errors import RasidError
from rasid.store.sqlite import SQLiteStore, now

_NAME = re.compile(r"^[\w.@-]{1,64}$")


def _digest(salt: str, token: str) -> str:
    return hashlib.sha256((salt + token).encode("utf-8")).hexdigest()


def create_token(store: SQLiteStore, name: str) -> str:
    """A new random token for `name` (replacing any earlier one); returns it in clear, once."""
    if not _NAME.match(name):
        raise RasidError(f"token name {name!r}: use 1-64 letters, digits, '.', '_', '-' or '@'")
    token = "rsd_" + secrets.token_urlsafe(32)
    salt = secrets.token_hex(16)
    with store._tx():
        store.db.execute(
            "INSERT INTO api_tokens (name, salt, hash, created_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (name) DO UPDATE SET salt = excluded.salt, hash = excluded.hash,"
            " created_at = excluded.created_at",
            (name, salt, _digest(salt, token), now()),
        )
    return token


def verify_token(store: SQLiteStore, token: str) -> str | None:
    """The name the token belongs to, or None. Constant-time comparison against every stored hash."""
    if not token or len(token) > 200:
        return None
    found = None
    for row in store.db.execute("SELECT name, salt, hash FROM api_tokens ORDER BY name"):
        if hmac.compare_digest(_digest(row["salt"], token), row["hash"]):
            found = row["name"]
    return found


def list_tokens(store: SQLiteStore) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in store.db.execute("SELECT name, created_at FROM api_tokens ORDER BY name")]


def revoke_token(store: SQLiteStore, name: str) -> bool:
    with store._tx():
        cur = store.db.execute("DELETE FROM api_tokens WHERE name = ?", (name,))
    return cur.rowcount > 0
