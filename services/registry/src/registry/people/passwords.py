"""Password hashing (argon2id) and the password policy."""

from __future__ import annotations

from functools import cache
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# argon2-cffi's defaults are argon2id with RFC 9106's second recommended parameter set.
_hasher = PasswordHasher()
# Verified against when the email is unknown, so an unknown email costs what a wrong password
# costs and the answer's timing does not tell which it was.
_DUMMY_HASH = _hasher.hash("kopmod-dummy-password-never-used")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


@cache
def common_passwords() -> frozenset[str]:
    text = resources.files("registry.people").joinpath("common_passwords.txt").read_text()
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def password_problem(password: str, *, min_length: int, email: str = "") -> str | None:
    """Why this password is refused (a sentence key for the pages and the API), or None."""
    if len(password) < min_length:
        return "password_too_short"
    if len(password) > 200:
        return "password_too_long"
    lowered = password.lower()
    if lowered in common_passwords():
        return "password_common"
    local = email.split("@")[0].lower()
    if local and len(local) >= 4 and local in lowered:
        return "password_has_email"
    return None
