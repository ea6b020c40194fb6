"""The dashboard's queries and the .ics calendar, parsed back with the icalendar package."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest
from PIL import Image

from sealroom.vault.access.grants import grant_access
from sealroom.vault.agreements import contracts as agreements
from sealroom.vault.assets.catalog import ImportOptions, import_files
from sealroom.vault.clock import now_stamp
from sealroom.vault.errors import InvalidInputError, WrongPasswordError
from sealroom.vault.records import new_id
from sealroom.vault.reports.calendar import export_calendar
from sealroom.vault.reports.dashboard import build_dashboard
from sealroom.vault.session import Vault
from sealroom.vault.when import When, now_utc

PASSWORD = "correct horse battery"


def days(n: float, zone: str = "UTC") -> When:
    return When(now_utc() + timedelta(days=n), zone)


def _image(vault: Vault, tmp_path: Path, name: str, **options: Any) -> str:
    index = len(list(tmp_path.iterdir()))
    path = tmp_path / f"{index}.png"
    Image.new("RGB", (40, 30), (index * 40 % 255, 90, 9)).save(path)
    return import_files(vault, [path], ImportOptions(title=name, **options))[0].id


def _paperwork(vault: Vault, cast: Any, make_nda: Callable[..., str]) -> dict[str, str]:
    soon = make_nda(cast.influencer, campaigns=(cast.campaign,), expires=days(20.5))
    later = make_nda(cast.other, expires=days(90))
    licence = agreements.add_agreement(
        vault,
        agreements.NewAgreement(
            "licence",
            "Photo licence",
            (cast.brand,),
            days(-10),
            days(300),
            "signed",
            usage_rights=(
                agreements.UsageRight(("instagram",), "EU", days(-10), days(12, "Europe/Paris")),
            ),
        ),
    ).id
    return {"soon": soon, "later": later, "licence": licence}


def test_dashboard_lists_what_needs_attention(
    vault: Vault, cast: Any, make_nda: Callable[..., str], tmp_path: Path
) -> None:
    near = _image(vault, tmp_path, "near.png", embargo_until=days(3.5, "Asia/Tokyo"))
    far = _image(vault, tmp_path, "far.png", embargo_until=days(40))
    in_campaign = _image(vault, tmp_path, "hero.png", campaign_id=cast.campaign)
    paper = _paperwork(vault, cast, make_nda)
    covered = grant_access(vault, cast.influencer, asset_id=in_campaign)
    override = grant_access(
        vault, cast.brand, asset_id=far, override_reason="Brand PR checks the colours first"
    )
    board = build_dashboard(vault)
    embargoes = [(e.kind, e.id) for e in board.embargoes]
    assert embargoes == [("asset", near), ("asset", in_campaign), ("campaign", cast.campaign)]
    assert board.embargoes[0].zone == "Asia/Tokyo" and board.embargoes[0].days_left == 3
    assert far not in {e.id for e in board.embargoes}
    expiries = [(e.kind, e.agreement_id) for e in board.expiries]
    assert expiries == [("usage", paper["licence"]), ("agreement", paper["soon"])]
    assert board.expiries[0].detail == "usage rights: instagram in EU"
    assert [g.id for g in board.exceptions] == [override.id]
    assert board.incidents == () and board.failed_unlocks == ()
    assert vault.audit.events(limit=1)[0].action == "dashboard.view"

    in_a_month = build_dashboard(vault, now=now_utc() + timedelta(days=21))
    overdue = {e.id: e.overdue for e in in_a_month.embargoes}
    assert overdue[near] is True and overdue[in_campaign] is True
    assert {g.id for g in in_a_month.exceptions} == {override.id, covered.id}
    assert board.to_json()["exceptions"][0]["exception"] is True


def test_dashboard_shows_failed_unlocks_and_open_incidents(vault: Vault) -> None:
    with vault.transaction() as conn:  # the incidents use-cases do not exist yet: a raw row
        conn.execute(
            "INSERT INTO incidents (id, title, opened, opened_by) VALUES (?, ?, ?, ?)",
            (new_id("inc"), "Teaser leaked on a forum", now_stamp(), "owner"),
        )
    vault.lock()
    with pytest.raises(WrongPasswordError):
        Vault.unlock(vault.folder, "owner", "not the password")
    with Vault.unlock(vault.folder, "owner", PASSWORD) as again:
        board = build_dashboard(again)
        assert [i.title for i in board.incidents] == ["Teaser leaked on a forum"]
        (failure,) = board.failed_unlocks
        assert failure.user == "owner" and "wrong password" in failure.reason


def test_calendar_round_trips_through_icalendar(
    vault: Vault, cast: Any, make_nda: Callable[..., str], tmp_path: Path
) -> None:
    title = "Sérum « Glow », launch; part 2, with a title long enough to need folding"
    lift = days(3, "Europe/Paris")
    asset = _image(vault, tmp_path, title, embargo_until=lift)
    paper = _paperwork(vault, cast, make_nda)
    out = tmp_path / "sealroom.ics"
    count = export_calendar(vault, out)
    raw = out.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(raw)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == count == 6
    embargo = events[f"embargo-{asset}@sealroom"]
    assert str(embargo["SUMMARY"]) == f"Embargo lifts: {title}"
    start = embargo.decoded("DTSTART")
    assert start == lift.utc
    assert start.tzinfo is not None and start.utcoffset() == timedelta(0)
    expiry = events[f"expiry-{paper['soon']}@sealroom"].decoded("DTSTART")
    assert isinstance(expiry, date) and not isinstance(expiry, datetime)
    soon = agreements.get_agreement(vault, paper["soon"])
    assert soon.expires is not None
    assert expiry == When.stored(soon.expires, soon.zone).local().date()
    assert f"launch-{cast.campaign}@sealroom" in events
    assert any(uid.startswith(f"usage-{paper['licence']}") for uid in events)
    assert vault.audit.events(limit=1)[0].reason == f"{count} events to sealroom.ics"

    redacted = tmp_path / "redacted.ics"
    export_calendar(vault, redacted, redact=True)
    text = redacted.read_text(encoding="utf-8")
    assert "Glow" not in text and "Spring" not in text and asset in text
    export_calendar(vault, out, now=datetime.now(UTC))  # a calendar may be replaced
    notes = tmp_path / "notes.ics"
    notes.write_text("my notes")
    with pytest.raises(InvalidInputError, match="is not a calendar"):
        export_calendar(vault, notes)
    assert notes.read_text() == "my notes"
