"""Exception types of the vault; each message is one line a person can act on."""

from sealroom.crypto.errors import (
    CorruptDataError,
    SealroomError,
    UnsafeParametersError,
    WrongPasswordError,
)
from sealroom.crypto.stream import Cancelled

__all__ = [
    "Cancelled",
    "CorruptDataError",
    "HistoryTamperedError",
    "InvalidInputError",
    "NotFoundError",
    "PermissionDeniedError",
    "SealroomError",
    "UnsafeParametersError",
    "VaultInUseError",
    "VaultNotFoundError",
    "WrongPasswordError",
]


class VaultNotFoundError(SealroomError):
    """No vault at the given folder."""


class VaultInUseError(SealroomError):
    """Another program holds the vault open."""


class PermissionDeniedError(SealroomError):
    """The unlocked person's role does not allow the action."""


class NotFoundError(SealroomError):
    """A record the person named does not exist."""


class InvalidInputError(SealroomError):
    """Input the person gave is not acceptable; the message says why.

    `field` names the input at fault, as the use-case's parameter is named (`title`,
    `valid_until`, `party_ids`...), or None when no single input is. A form shows the message
    under that field; the command line may name its own option for it. Messages never name a
    command-line option themselves.
    """

    def __init__(self, message: str = "", *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class HistoryTamperedError(CorruptDataError):
    """The audit log does not extend the signed head the vault recorded: rolled back or edited."""
