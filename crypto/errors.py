"""Exception types of the crypto layer; each message tells a person what went wrong."""


class SealroomError(Exception):
    """Base of every error Sealroom reports to a person as one line."""


class CorruptDataError(SealroomError):
    """Bytes on disk fail authentication or do not parse: damaged or tampered."""


class WrongPasswordError(SealroomError):
    """The password does not open the key slot."""


class UnsafeParametersError(SealroomError):
    """Key-derivation parameters outside the bounds this version accepts."""


class PackageError(SealroomError):
    """A share package cannot be opened: wrong key, damaged, tampered, or outside its window."""


class PackageKeyError(PackageError):
    """The package is not for this identity or passphrase: the person can try another."""
