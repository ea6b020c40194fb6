"""Opening SQLCipher databases with a raw key, the security pragmas, and schema migrations.

The change and its audit event are written in one transaction across `vault.db` and the attached
`audit.db`. SQLite makes such a transaction atomic across files only in rollback-journal mode (in
WAL mode each file commits on its own), so the vault uses a rollback journal, not WAL.

`cipher_memory_security` stays at SQLCipher's default (off). Turned on, it wipes every buffer
SQLCipher frees, and the core benchmark measured the vault's SQL workload at 6.5x plain SQLite
against 0.7-1.6x without it. The wipe protects little here: decrypted rows become ordinary
Python objects that no setting can wipe, while the keys themselves live in wiped bytearrays.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3

from sealroom.crypto.secretbytes import SecretBytes
from sealroom.vault.errors import CorruptDataError, SealroomError
from sealroom.vault.migrations import Migration, migrations_for

if TYPE_CHECKING:  # sqlcipher3 has no type information; its API is that of sqlite3
    from sqlite3 import Connection as Connection
    from sqlite3 import DatabaseError as DatabaseError
    from sqlite3 import IntegrityError as IntegrityError
else:
    Connection = sqlcipher3.Connection
    DatabaseError = sqlcipher3.DatabaseError
    IntegrityError = sqlcipher3.IntegrityError
REQUIRED_MAJOR = "4."


def _key_literal(key: SecretBytes) -> str:
    return f"x'{key.hex()}'"


def _apply_pragmas(conn: Connection, schema: str = "main") -> None:
    conn.execute(f"PRAGMA {schema}.journal_mode = DELETE")
    conn.execute(f"PRAGMA {schema}.synchronous = FULL")
    conn.execute(f"PRAGMA {schema}.secure_delete = ON")


def open_database(path: Path, key: SecretBytes, *, create: bool = False) -> Connection:
    """Open one encrypted database; a key that does not fit means the file is damaged."""
    if not create and not path.exists():
        raise CorruptDataError(f"{path.name} is missing from the vault folder")
    if not create and path.stat().st_size == 0:
        raise CorruptDataError(f"{path.name} is empty: the vault database was damaged")
    conn: Connection = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f'PRAGMA key = "{_key_literal(key)}"')
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not str(version[0]).startswith(REQUIRED_MAJOR):
            raise SealroomError("this build of SQLCipher is not version 4; reinstall Sealroom")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        _apply_pragmas(conn)
    except DatabaseError as exc:
        conn.close()
        raise CorruptDataError(
            f"{path.name} is damaged or does not belong to this vault ({exc})"
        ) from None
    except BaseException:
        conn.close()
        raise
    return conn


def attach_database(conn: Connection, path: Path, key: SecretBytes, schema: str) -> None:
    if not path.exists():
        raise CorruptDataError(f"{path.name} is missing from the vault folder")
    try:
        conn.execute(f"ATTACH DATABASE ? AS {schema} KEY ?", (str(path), _key_literal(key)))
        conn.execute(f"SELECT count(*) FROM {schema}.sqlite_master").fetchone()
        _apply_pragmas(conn, schema)
    except DatabaseError as exc:
        raise CorruptDataError(
            f"{path.name} is damaged or does not belong to this vault ({exc})"
        ) from None


def rekey(conn: Connection, new_key: SecretBytes) -> None:
    conn.execute(f'PRAGMA rekey = "{_key_literal(new_key)}"')


def migrate(conn: Connection, database: str) -> int:
    """Bring a database to the newest schema; return the version it had."""
    (found,) = conn.execute("PRAGMA user_version").fetchone()
    known: list[Migration] = migrations_for(database)
    newest = known[-1].version if known else 0
    if found > newest:
        raise SealroomError(
            f"{database} database was written by a newer Sealroom (schema {found}); update the app"
        )
    for migration in known:
        if migration.version <= found:
            continue
        version = f"PRAGMA user_version = {migration.version};"
        conn.executescript(f"BEGIN IMMEDIATE;\n{migration.sql}\n{version}\nCOMMIT;")
    return int(found)


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error; database damage becomes our error.

    Re-entrant: called while a transaction is open (a use-case calling another), it opens a
    SAVEPOINT instead. A nested block that fails rolls back its own changes only and re-raises;
    its changes commit with the outermost transaction.
    """
    if conn.in_transaction:
        with _savepoint(conn):
            yield conn
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except DatabaseError as exc:
        raise _as_vault_error(exc) from None
    try:
        yield conn
    except BaseException as exc:
        with contextlib.suppress(DatabaseError):
            conn.execute("ROLLBACK")
        if isinstance(exc, DatabaseError) and not isinstance(exc, IntegrityError):
            raise _as_vault_error(exc) from None
        raise
    else:
        try:
            conn.execute("COMMIT")
        except DatabaseError as exc:
            with contextlib.suppress(DatabaseError):
                conn.execute("ROLLBACK")
            raise _as_vault_error(exc) from None


_savepoints = itertools.count(1)


@contextlib.contextmanager
def _savepoint(conn: Connection) -> Iterator[None]:
    name = f"nested_{next(_savepoints)}"
    try:
        conn.execute(f"SAVEPOINT {name}")
    except DatabaseError as exc:
        raise _as_vault_error(exc) from None
    try:
        yield
    except BaseException as exc:
        with contextlib.suppress(DatabaseError):
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
        if isinstance(exc, DatabaseError) and not isinstance(exc, IntegrityError):
            raise _as_vault_error(exc) from None
        raise
    else:
        try:
            conn.execute(f"RELEASE {name}")
        except DatabaseError as exc:
            raise _as_vault_error(exc) from None


def _as_vault_error(exc: DatabaseError) -> SealroomError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return SealroomError("vault is in use by another program")
    return CorruptDataError(f"vault database is damaged ({text}); run `sealroom verify`")


def contains_pattern(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, its `%`, `_` and `\\` taken literally (use with
    `ESCAPE '\\'`)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def query(conn: Connection, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Run a read; database damage becomes our error."""
    try:
        return list(conn.execute(sql, params).fetchall())
    except DatabaseError as exc:
        raise _as_vault_error(exc) from None
