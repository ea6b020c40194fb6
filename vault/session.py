"""An unlocked vault: the folder, its keys, its databases, the audit log and the blob store.

Every use-case takes a `Vault`. Opening one derives the person's key (slow: never on a GUI
thread), takes the folder's lock, and records the unlock in the audit log together with any
failed attempts since the last successful one.
"""

from __future__ import annotations

import base64
import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from sealroom.crypto import sshsig
from sealroom.crypto.adminsig import sign_header
from sealroom.crypto.header import EpochKey, VaultHeader
from sealroom.crypto.kdf import KdfParams, Password, calibrate, check_new_params
from sealroom.crypto.keyslots import (
    CompartmentKeys,
    Role,
    seal_slot,
    unlock_private_key,
)
from sealroom.crypto.secretbytes import SecretBytes
from sealroom.crypto.signing import generate_signing_key, sign
from sealroom.vault import (
    audit_detail,
    audit_heads,
    epochs,
    exports,
    headertrust,
    seen_heads,
    unlock_failures,
    wrapped_settings,
)
from sealroom.vault.audit import AuditLog, audit_origin
from sealroom.vault.blobs import BlobStore
from sealroom.vault.errors import (
    CorruptDataError,
    HistoryTamperedError,
    InvalidInputError,
    PermissionDeniedError,
    VaultNotFoundError,
    WrongPasswordError,
)
from sealroom.vault.fsutil import private_file
from sealroom.vault.layout import (
    AUDIT_DB,
    CONTENT_DB,
    HEADER_NAME,
    read_header,
    write_header,
)
from sealroom.vault.lock import VaultLock
from sealroom.vault.records import Actor, new_id
from sealroom.vault.session_setup import create_databases, open_slot
from sealroom.vault.store import (
    Connection,
    attach_database,
    migrate,
    open_database,
    transaction,
)


class Vault:
    """An open vault. Close it with `lock()`; it is also a context manager."""

    def __init__(
        self,
        folder: Path,
        header: VaultHeader,
        actor: Actor,
        keys: CompartmentKeys,
        lock: VaultLock,
        slot_private: SecretBytes | None = None,
        notices: list[headertrust.Notice] | None = None,
    ) -> None:
        self.folder = folder
        self.header = header
        self.actor = actor
        self.role = Role(actor.role)
        self.keys = keys
        self._lock = lock
        self.slot_private = slot_private
        """The person's own slot key, kept while unlocked so that they can change their password
        without a new key pair (which would need an owner's signature)."""
        self._signing_key: SecretBytes | None = None
        self._sealer: audit_detail.DetailSealer | None = None
        # Loud warnings found at unlock (a vault that went backwards); also recorded in the log.
        self.warnings: list[str] = []
        self.conn: Connection
        self.audit: AuditLog
        self._blobs: BlobStore | None = None
        self.notices: list[str] = []
        self._listed: set[tuple[str, str, str]] = set()
        """What the unlock found and repaired that the person should be told (one line each)."""
        try:
            self._open_databases(record_unlock=True)
            self._trust_header(notices or [])
        except BaseException:
            self.close_databases()
            self._wipe_keys()
            raise

    # -- opening and closing ------------------------------------------------------------------

    @classmethod
    def create(
        cls, folder: Path, user: str, password: Password, kdf: KdfParams | None = None
    ) -> Vault:
        """Create a new vault with `user` as its first owner."""
        folder = Path(folder)
        if not user.strip():
            raise InvalidInputError("the first user needs a name", field="user")
        if folder.exists() and any(folder.iterdir()):
            raise InvalidInputError(f"{folder} already exists and is not empty", field="folder")
        kdf = kdf or calibrate()
        check_new_params(kdf)  # before anything is written: weak parameters are refused
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(folder, 0o700)  # an existing empty folder too: the vault is for its owner only
        lock = VaultLock(folder)
        try:
            vault_id = new_id("vlt")
            keys = CompartmentKeys(
                audit=SecretBytes.random(),
                content=SecretBytes.random(),
                admin=generate_signing_key()[0],
            )
            signing_key, signing_public = generate_signing_key()
            slot = seal_slot(vault_id, user, Role.OWNER, password, keys, kdf, 1)
            header = VaultHeader(
                vault_id, signing_public, (slot,), 1, signing_keys=(EpochKey(1, signing_public, 0),)
            )
            assert keys.admin is not None
            header = sign_header(header, keys.admin)
            create_databases(folder, header, keys, signing_key)
            signing_key.wipe()
            write_header(folder, header)
            vault = cls(folder, header, Actor.current(user, Role.OWNER), keys, lock)
        except BaseException:
            lock.release()
            raise
        with vault.transaction():
            vault.audit.append("vault.create", vault_id)
        return vault

    @classmethod
    def unlock(cls, folder: Path, user: str, password: Password) -> Vault:
        folder = Path(folder)
        if not (folder / HEADER_NAME).exists():
            raise VaultNotFoundError(f"no Sealroom vault at {folder}")
        lock = VaultLock(folder)
        try:
            header = read_header(folder)
            headertrust.check_signature(header)
            try:
                slot = header.slot_for(user)
                private_key = unlock_private_key(header.vault_id, slot, password)
            except WrongPasswordError as exc:
                unlock_failures.record_failure(folder, user, str(exc), header.vault_id)
                raise
            with private_key:
                header, keys, notices = open_slot(folder, header, slot, private_key)
                own = private_key.copy()
            return cls(folder, header, Actor.current(user, slot.role), keys, lock, own, notices)
        except BaseException:
            lock.release()
            raise

    def _open_databases(self, record_unlock: bool) -> None:
        content_key = self.keys.content
        audit_schema = "audit" if content_key is not None else "main"
        with contextlib.closing(open_database(self.folder / AUDIT_DB, self.keys.audit)) as adb:
            migrate(adb, "audit")
        private_file(self.folder / AUDIT_DB)
        if content_key is not None:
            self.conn = open_database(self.folder / CONTENT_DB, content_key)
            migrate(self.conn, "content")
            private_file(self.folder / CONTENT_DB)
            attach_database(self.conn, self.folder / AUDIT_DB, self.keys.audit, "audit")
            self._signing_key = self._load_signing_key(content_key)
            self._blobs = BlobStore(self.folder, self.conn, content_key, self.header.key_epoch)
            self._sealer = audit_detail.load_or_create(
                self.conn, content_key, self.header.vault_id, self.header.key_epoch
            )
        else:
            self.conn = open_database(self.folder / AUDIT_DB, self.keys.audit)
        signer = self._sign if self._signing_key is not None else None
        seen_head = self._check_history(audit_schema)
        self.audit = AuditLog(
            self.conn,
            audit_schema,
            audit_origin(self.header.vault_id),
            self.actor,
            signer,
            self._sealer,
            epoch=self.header.signing_history()[-1].epoch,
        )
        pinned = self.audit.info("signing_public_key")
        if pinned != base64.b64encode(self.header.signing_public_key).decode():
            self.close_databases()
            raise CorruptDataError("vault header's signing key does not match the audit log's")
        self._check_seen(seen_head)
        if record_unlock:
            self._record_unlock()

    # -- history checks at unlock (rollback, truncation, an edited log) -------------------------

    def _check_history(self, audit_schema: str) -> audit_heads.SeenHead | None:
        """The log must extend the signed head vault.db holds (a content holder), or at least
        its own newest signed checkpoint (an auditor); HistoryTamperedError names the problem."""
        trusted = self.keys.content is not None
        return audit_heads.check_log(
            self.conn,
            audit_schema,
            key_for_size=self._checkpoint_key,
            head=audit_heads.read_head(self.conn) if trusted else None,
            trusted=trusted,
        )

    def _checkpoint_key(self, size: int) -> bytes:
        """The public key that must have signed a checkpoint of `size` events (its epoch's)."""
        return epochs.signing_key_for_size(self.header, size).public_key

    def _check_seen(self, head: audit_heads.SeenHead | None) -> None:
        """Warn loudly if the vault is behind what this device saw of it (a rolled-back folder),
        then remember what it sees now."""
        checkpoints = {c.size: c.root for c in self.audit.checkpoints()}
        vault_id, key_epoch = self.header.vault_id, self.header.key_epoch
        self.warnings += seen_heads.check(vault_id, head, key_epoch, checkpoints.get)
        seen_heads.remember(vault_id, head, key_epoch)

    def _load_signing_key(self, content_key: SecretBytes) -> SecretBytes:
        key = wrapped_settings.load(
            self.conn, wrapped_settings.SIGNING_KEY, content_key, self.header.vault_id
        )
        if key is None:
            raise CorruptDataError("vault database has no signing key")
        if epochs.signing_public_key(key) != self.header.signing_public_key:
            key.wipe()
            raise CorruptDataError("vault database's signing key does not match the vault header")
        return key

    def _trust_header(self, notices: list[headertrust.Notice]) -> None:
        """Check header.json against the owners' signature, the audit log's pin and the
        vault's own record (see `headertrust`); record what the unlock found."""
        slot = self.header.slot_for(self.actor.user)
        notices = notices + headertrust.after_open(self, slot)
        headertrust.record_notices(self, notices)

    def _wipe_keys(self) -> None:
        self.keys.wipe()
        if self.slot_private is not None:
            self.slot_private.wipe()
            self.slot_private = None

    def _sign(self, message: bytes) -> bytes:
        assert self._signing_key is not None
        return sign(self._signing_key, message)

    def ssh_sign(self, namespace: str, message: bytes) -> str | None:
        """An OpenSSH signature of `message` with the current signing key; None for an auditor,
        who holds no signing key."""
        if self._signing_key is None:
            return None
        public = epochs.signing_public_key(self._signing_key)
        return sshsig.sign_message(self._signing_key, public, namespace, message)

    def _record_unlock(self) -> None:
        with self.transaction():
            unlock_failures.record_pending(
                self.audit, self.folder, self.header, self.actor.app_version
            )
            for warning in self.warnings:
                self.audit.append("vault.rollback", self.header.vault_id, "warning", public=warning)
            self.audit.append("vault.unlock", self.header.vault_id)
        unlock_failures.clear_failures(self.folder)
        if self._blobs is not None:
            for orphan in self.folder.glob("*-mj*"):
                orphan.unlink(missing_ok=True)
            removed = self._blobs.sweep()
            if removed:
                with self.transaction():
                    self.audit.append(
                        "blob.sweep",
                        f"{removed} orphaned files",
                        "success",
                        "interrupted writes or deletions cleaned up at unlock",
                    )
            self.notices.extend(exports.sweep_partials(self))

    def close_databases(self) -> None:
        if self._blobs is not None:
            self._blobs.close()
            self._blobs = None
        if self._signing_key is not None:
            self._signing_key.wipe()
            self._signing_key = None
        if self._sealer is not None:
            self._sealer.wipe()
            self._sealer = None
        with contextlib.suppress(Exception):
            self.conn.close()

    def reopen(self, header: VaultHeader, keys: CompartmentKeys) -> None:
        """Continue with a new header and keys (after a key rotation)."""
        self.keys.wipe()
        self.header = header
        self.keys = keys
        self._open_databases(record_unlock=False)

    def lock(self) -> None:
        """Sign a checkpoint, close the databases and wipe every key held in memory."""
        if self._lock is None:
            return
        refused: HistoryTamperedError | None = None
        held = self.audit.tree()
        try:
            with self.transaction():
                self.audit.append("vault.lock", self.header.vault_id)
                self.audit.checkpoint()
            self._remember_head()
        except HistoryTamperedError as exc:
            refused = exc  # the log was edited while open: nothing is signed, and we say so
            with contextlib.suppress(CorruptDataError):
                self.audit.note_altered(held)
        except CorruptDataError:
            pass  # a damaged database cannot record the lock; `verify` reports the damage
        finally:
            self.close_databases()
            self._wipe_keys()
            self._lock.release()
            self._lock = None  # type: ignore[assignment]
        if refused is not None:
            raise refused

    def _remember_head(self) -> None:
        head = self.audit.head()
        if head is not None:
            seen = audit_heads.SeenHead(head.size, head.root, head.epoch)
            seen_heads.remember(self.header.vault_id, seen, self.header.key_epoch)

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    # -- helpers for use-cases ------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One transaction across vault.db and audit.db; nested calls join it (a SAVEPOINT each,
        see `store.transaction`), and a failure forgets the audit events it rolled back."""
        try:
            with transaction(self.conn) as conn:
                yield conn
        except BaseException:
            self.audit.forget_uncommitted()
            raise

    def record_listing(
        self, action: str, obj: str = "", reason: str = "", *, lookup: bool = False
    ) -> None:
        """Record that a listing was shown: once per unlock for each listing (action, object and
        reason, which names the filter), however often the screen is shown or refreshed.

        A listing is what a screen or command shows as its main content. Names and titles read
        only to label something else (a trace result's titles, a dialog's choices, another
        screen's columns) are a `lookup` and are not recorded. Content views and exports are
        not listings: they append an event every time.
        """
        if lookup or (action, obj, reason) in self._listed:
            return
        with self.transaction():
            self.audit.append(action, obj, reason=reason)
        self._listed.add((action, obj, reason))

    @property
    def blobs(self) -> BlobStore:
        self.require_content("read or change content")
        assert self._blobs is not None
        return self._blobs

    def require_content(self, what: str) -> None:
        if not self.role.reads_content:
            raise PermissionDeniedError(
                f"an auditor cannot {what}: the auditor's key slot holds no content key"
            )

    def require_owner(self, what: str) -> None:
        if self.role is not Role.OWNER:
            raise PermissionDeniedError(f"only an owner can {what}")
