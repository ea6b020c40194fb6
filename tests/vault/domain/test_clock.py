"""One clock, one stored form: every instant a use-case writes is `YYYY-MM-DDTHH:MM:SSZ`, and the
millisecond instants older vaults hold still read."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sealroom.vault.agreements.contracts import NewAgreement, add_agreement, set_status
from sealroom.vault.assets import catalog as assets
from sealroom.vault.clock import now_stamp, parse_stamp, stamp
from sealroom.vault.errors import WrongPasswordError
from sealroom.vault.parties import campaigns
from sealroom.vault.parties import directory as parties
from sealroom.vault.reports.dashboard import build_dashboard
from sealroom.vault.session import Vault
from sealroom.vault.store import query
from sealroom.vault.when import When, local_zone_name, now_utc

PASSWORD = "correct horse battery"
DATA = Path(__file__).parent.parent.parent / "data"
SECONDS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
LOOKS_LIKE_INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T")


def _stored_instants(vault: Vault) -> dict[str, list[str]]:
    """Every text value shaped like an instant, by table.column, in vault.db and audit.db."""
    found: dict[str, list[str]] = {}
    for schema in ("main", "audit"):
        tables = query(vault.conn, f"SELECT name FROM {schema}.sqlite_master WHERE type='table'")
        for (table,) in tables:
            columns = query(vault.conn, f"PRAGMA {schema}.table_info({table})")
            for column in (c[1] for c in columns):
                rows = query(vault.conn, f'SELECT "{column}" FROM {schema}."{table}"')
                for (value,) in rows:
                    if isinstance(value, str) and LOOKS_LIKE_INSTANT.match(value):
                        found.setdefault(f"{schema}.{table}.{column}", []).append(value)
    return found


def test_every_writer_stores_whole_seconds(vault_dir: Path, tmp_path: Path) -> None:
    Vault.create(vault_dir, "owner", PASSWORD).lock()
    with pytest.raises(WrongPasswordError):  # kept in unlock-failures, then moved into the log
        Vault.unlock(vault_dir, "owner", "not the password")
    brief = tmp_path / "brief.txt"
    brief.write_text("Spring brief, confidential\n")
    with Vault.unlock(vault_dir, "owner", PASSWORD) as vault:
        brand = parties.add_party(vault, "Northwind", "brand")
        parties.edit_party(vault, brand.id, email="legal@northwind.example")
        campaign = campaigns.add_campaign(
            vault, "Spring", brand.id, When(now_utc() + timedelta(days=9), "Europe/Paris"), []
        )
        asset = assets.import_file(vault, brief)
        new = NewAgreement(
            kind="nda",
            title="NDA",
            party_ids=(brand.id,),
            effective=When(now_utc() - timedelta(days=1), "UTC"),
            expires=When(now_utc() + timedelta(days=30), "UTC"),
            campaign_ids=(campaign.id,),
            asset_ids=(asset.id,),
        )
        agreement = add_agreement(vault, new)
        set_status(vault, agreement.id, "terminated", "ended early")
        vault.audit.checkpoint()
        found = _stored_instants(vault)
    for column in (
        "main.parties.created",
        "main.parties.updated",
        "main.blobs.created",
        "main.agreements.terminated",
        "audit.events.time",
        "audit.checkpoints.time",
    ):
        assert column in found, column
    bad = {column: [v for v in values if not SECONDS.match(v)] for column, values in found.items()}
    assert {column: values for column, values in bad.items() if values} == {}


def test_the_clock_writes_and_reads_one_form() -> None:
    assert SECONDS.match(now_stamp())
    moment = datetime(2026, 11, 21, 6, 15, 40, tzinfo=UTC)
    assert stamp(moment) == "2026-11-21T06:15:40Z"
    assert parse_stamp("2026-11-21T06:15:40Z") == moment
    assert parse_stamp("2026-11-21T06:15:40.123Z") == moment.replace(microsecond=123000)
    for wrong in ("2026-11-21 06:15:40", "2026-11-21T06:15:40+01:00", "yesterday"):
        with pytest.raises(ValueError):
            parse_stamp(wrong)


def test_millisecond_instants_of_an_older_vault_still_read(tmp_path: Path) -> None:
    folder = tmp_path / "old.sealroom"
    shutil.copytree(DATA / "vault-schema1", folder)
    with Vault.unlock(folder, "owner", "golden-owner-pw") as vault:
        old = query(vault.conn, "SELECT created FROM parties WHERE id = 'pty_3c0bf2602cbb'")[0][0]
        assert re.match(r".*\.\d{3}Z$", old)  # written before the one stored form
        assert parse_stamp(old) < datetime.now(UTC)
        events = list(vault.audit.events())
        assert all(parse_stamp(e.time) <= datetime.now(UTC) for e in events)
        build_dashboard(vault)  # reads stored instants of both forms


@pytest.mark.parametrize(
    ("tz", "expected"), [("Asia/Kolkata", "Asia/Kolkata"), (":Europe/Paris", "Europe/Paris")]
)
def test_this_computers_zone_comes_from_tzlocal(
    monkeypatch: pytest.MonkeyPatch, tz: str, expected: str
) -> None:
    monkeypatch.setenv("TZ", tz)
    assert local_zone_name() == expected


def test_an_unknown_local_zone_still_gives_a_usable_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Not/AZone")
    When.stored(now_stamp(), local_zone_name()).display()  # no error: some real zone or UTC
