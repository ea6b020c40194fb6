"""`vault.transaction()` nests: a use-case called inside another's transaction joins it, and a
nested failure rolls back its own part only (or all, when it is not caught)."""

from __future__ import annotations

import pytest

from sealroom.vault import verify
from sealroom.vault.errors import CorruptDataError, InvalidInputError
from sealroom.vault.parties import directory as parties
from sealroom.vault.session import Vault
from sealroom.vault.store import Connection, query


def _names(vault: Vault) -> list[str]:
    return [r[0] for r in query(vault.conn, "SELECT name FROM parties ORDER BY name")]


def _ghost(conn: Connection, vault: Vault) -> None:
    """A nested change with its audit event, then a failure."""
    moment = "2026-01-01T00:00:00Z"
    conn.execute(
        "INSERT INTO parties (id, name, kind, created, updated) VALUES (?, ?, ?, ?, ?)",
        ("pty_x", "Ghost", "other", moment, moment),
    )
    vault.audit.append("party.add", "pty_x")
    raise InvalidInputError("changed my mind")


def test_use_cases_called_inside_a_transaction_commit_together(vault: Vault) -> None:
    before = vault.audit.size
    with vault.transaction():
        parties.add_party(vault, "Northwind", "brand")  # opens its own, nested, transaction
        with vault.transaction():
            parties.add_party(vault, "Ines", "influencer")
    assert _names(vault) == ["Ines", "Northwind"]
    assert vault.audit.size == before + 2
    assert verify.verify_vault(vault).problems == []


def test_a_caught_nested_failure_rolls_back_only_its_part(vault: Vault) -> None:
    before = vault.audit.size
    with vault.transaction():
        parties.add_party(vault, "Northwind", "brand")
        with pytest.raises(InvalidInputError), vault.transaction() as conn:
            _ghost(conn, vault)
        parties.add_party(vault, "Ines", "influencer")
    assert _names(vault) == ["Ines", "Northwind"]
    assert vault.audit.size == before + 2
    assert [e.action for e in vault.audit.events(limit=2)] == ["party.add", "party.add"]
    assert verify.verify_vault(vault).problems == []


def test_an_uncaught_nested_failure_rolls_back_everything(vault: Vault) -> None:
    before = vault.audit.size
    with pytest.raises(InvalidInputError, match="changed my mind"), vault.transaction():
        parties.add_party(vault, "Northwind", "brand")
        with vault.transaction() as conn:
            _ghost(conn, vault)
    assert _names(vault) == []
    assert vault.audit.size == before
    parties.add_party(vault, "Lumen", "brand")  # the vault works on, not "damaged"
    assert _names(vault) == ["Lumen"]
    assert verify.verify_vault(vault).problems == []


def test_a_nested_call_is_not_reported_as_damage(vault: Vault) -> None:
    try:
        with vault.transaction(), vault.transaction(), vault.transaction():
            vault.audit.append("test.nested", "three deep")
    except CorruptDataError as exc:  # what a second BEGIN used to become
        pytest.fail(f"nested transaction reported as damage: {exc}")
    assert vault.audit.events(limit=1)[0].action == "test.nested"
