"""The vault's receipt key, and importing a partner's acknowledgement receipt.

The receipt key is an age X25519 identity made once per vault and kept wrapped under the
content key (`wrapped_settings.RECEIPT_KEY`); its public `age1...` goes into every package's
manifest, and partners' receipts are sealed to it (`crypto.receipt`). A receipt is recorded
only when it opens with that key, its MAC holds for the recipient's key, and it names a package
this vault issued to that recipient, with that package's exact manifest.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from sealroom.crypto import agebox
from sealroom.crypto.receipt import MAX_RECEIPT, open_receipt
from sealroom.crypto.secretbytes import SecretBytes
from sealroom.vault import wrapped_settings
from sealroom.vault.errors import InvalidInputError, NotFoundError
from sealroom.vault.protect.package_records import Package, get_package, record_acceptance
from sealroom.vault.session import Vault


def receipt_key(vault: Vault) -> SecretBytes:
    """The vault's receipt identity (`AGE-SECRET-KEY-1...`), made on first use; wipe it."""
    vault.require_content("use the receipt key")
    content_key = vault.keys.content
    assert content_key is not None
    vault_id = vault.header.vault_id
    found = wrapped_settings.load(vault.conn, wrapped_settings.RECEIPT_KEY, content_key, vault_id)
    if found is not None:
        return found
    secret, _public = agebox.generate_identity()
    key = SecretBytes(secret)
    secret[:] = bytes(len(secret))
    with vault.transaction() as conn:
        wrapped_settings.store(
            conn, wrapped_settings.RECEIPT_KEY, content_key, vault_id, key, vault.header.key_epoch
        )
        vault.audit.append("receipt.key.create", vault_id)
    return key


def receipt_recipient(vault: Vault) -> str:
    """The public `age1...` of the vault's receipt key, which every manifest names."""
    with receipt_key(vault) as key:
        return agebox.public_of(key.value)


def import_receipt(vault: Vault, data: bytes) -> Package:
    """Record a partner's receipt on its package (and in the audit log); raises a one-line
    error, recording nothing, when it is not a receipt for a package issued to its sender."""
    if len(data) > MAX_RECEIPT:
        raise InvalidInputError("the file is too large to be a receipt")
    with receipt_key(vault) as key:
        receipt = open_receipt(data, key.value)
    try:
        package = get_package(vault, receipt.package_id)
    except NotFoundError:
        raise NotFoundError(
            f"the receipt names package {receipt.package_id[:40]}, which this vault did not issue"
        ) from None
    if package.recipient_age != receipt.recipient:
        raise InvalidInputError(
            f"the receipt was made by a key package {package.id} was not issued to"
        )
    try:
        datetime.strptime(receipt.accepted_at, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        raise InvalidInputError("the receipt's time of acceptance is malformed") from None
    if receipt.manifest_sha256 != package.manifest_sha256:
        raise InvalidInputError(f"the receipt is for another version of package {package.id}")
    digest = hashlib.sha256(data).hexdigest()
    if package.accepted:
        if package.receipt_sha256 == digest:
            return package
        raise InvalidInputError(
            f"package {package.id} already has a receipt (accepted {package.accepted})"
        )
    return record_acceptance(vault, package, receipt.accepted_at, digest)
