"""A realistic demo vault: a talent agency, its influencers, brands, campaigns and agreements.

Built only through the use-cases, so its audit log is what real work leaves behind: Northlight
Talent represents three influencers working with four brands on six campaigns (`data`);
NDAs (one expired after grants were made under it, turning them into exceptions; one still
unsigned), sponsorships, a licence and talent agreements with usage rights; about forty assets
(photos, PDF briefs, a clip, captions, one of which still has placeholders); grants including an
owner's override for the press; a refused grant; a secret asset waiting for a second approval,
which `SECOND_MANAGER` can give; and one failed unlock attempt. Dates are relative to today,
so the dashboard always has something to show.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import time as clock
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path

from sealroom.crypto.keyslots import Role
from sealroom.vault.access.grants import NdaRequiredError, grant_access, query_grants, revoke_grant
from sealroom.vault.agreements.contracts import (
    NewAgreement,
    UsageRight,
    add_agreement,
    edit_agreement,
)
from sealroom.vault.assets.importing import ImportOptions, import_batch
from sealroom.vault.demo import media
from sealroom.vault.demo.data import (
    AGREEMENTS,
    BRIEF_LINES,
    CAMPAIGNS,
    PARTIES,
    PHOTO_NAMES,
    CampaignSpec,
)
from sealroom.vault.errors import WrongPasswordError
from sealroom.vault.parties.campaigns import add_campaign
from sealroom.vault.parties.directory import add_party
from sealroom.vault.release.approvals import ReleaseBlockedError, release_asset
from sealroom.vault.session import Vault
from sealroom.vault.store import query
from sealroom.vault.users import add_user
from sealroom.vault.when import When, now_utc, zone_of

DEMO_USER = "demo"
SECOND_MANAGER = "mira"
"""A second manager with the demo's password: signing in as her approves the secret asset's
release that the demo user asked for (a release needs someone other than who asked)."""
DEFAULT_PASSWORD = "demo-password"

Say = Callable[[str], None]


@dataclass(frozen=True)
class DemoSummary:
    folder: Path
    user: str
    parties: int
    campaigns: int
    agreements: int
    assets: int
    grants: int
    exceptions: int
    seconds: float


@dataclass
class _Cast:
    now: datetime
    scratch: Path
    party: dict[str, str]
    campaign: dict[str, str]
    hero: dict[str, str]
    secret: str = ""
    caption: str = ""


def build_demo(
    folder: Path, password: str = DEFAULT_PASSWORD, progress: Say | None = None
) -> DemoSummary:
    """Create the demo vault at `folder` (which must not exist or be empty).

    If building fails half-way, the half-built vault is removed again.
    """
    say = progress or (lambda _: None)
    started = clock.monotonic()
    folder = Path(folder)
    say(f"creating the vault at {folder}")
    vault = Vault.create(folder, DEMO_USER, password)
    try:
        with tempfile.TemporaryDirectory(prefix="sealroom-demo-") as scratch, vault:
            counts = _fill(vault, Path(scratch), say)
            say(f"adding {SECOND_MANAGER}, a second manager who can approve a release")
            add_user(vault, SECOND_MANAGER, Role.MANAGER, password)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    say("recording a failed unlock attempt for the dashboard")
    with contextlib.suppress(WrongPasswordError):
        Vault.unlock(folder, DEMO_USER, password + "-typo").lock()
    with Vault.unlock(folder, DEMO_USER, password) as vault:
        exceptions = sum(1 for g in query_grants(vault) if g.exception)
    return DemoSummary(folder, DEMO_USER, *counts, exceptions, clock.monotonic() - started)


def _at(now: datetime, days: int, hour: int, zone: str) -> When:
    """`hour` o'clock in `zone` on the day `days` from now."""
    local = (now + timedelta(days=days)).astimezone(zone_of(zone))
    return When.at(datetime.combine(local.date(), time(hour)), zone)


def _day(now: datetime, days: int, end: bool = False) -> When:
    zone = "Europe/London"
    local = (now + timedelta(days=days)).astimezone(zone_of(zone))
    return When.at(datetime.combine(local.date(), time(23, 59, 59) if end else time(0)), zone)


def _fill(vault: Vault, scratch: Path, say: Say) -> tuple[int, int, int, int, int]:
    now = now_utc()
    say("adding parties and campaigns")
    party = {
        key: add_party(vault, name, kind, None, None, handle).id
        for key, name, kind, handle in PARTIES
    }
    campaign: dict[str, str] = {}
    for spec in CAMPAIGNS:
        launch = _at(now, spec.launch_days, spec.launch_hour, spec.zone)
        people = [party[p] for p in spec.influencers]
        campaign[spec.key] = add_campaign(vault, spec.name, party[spec.brand], launch, people).id
    cast = _Cast(now, scratch, party, campaign, {})
    say("importing photos, briefs, a clip and captions")
    batch: list[tuple[Path, ImportOptions, str]] = []
    photo = 0
    for spec in CAMPAIGNS:
        photo = _campaign_files(cast, spec, photo, batch)
    clip = media.write_clip(scratch / "trail", "teaser.mp4", photo)
    if clip is not None:
        options = ImportOptions(
            "Fjord Trail Running: teaser clip", campaign["trail"], tags=("video",)
        )
        batch.append((clip, options, ""))
    imported = import_batch(vault, [(path, options) for path, options, _ in batch])
    for (_, _, role), asset in zip(batch, imported, strict=True):
        if role.startswith("hero:"):
            cast.hero[role[5:]] = asset.id
        elif role:
            setattr(cast, role, asset.id)
    say("recording agreements")
    agreements = _agreements(vault, cast)
    say("granting access")
    grants = _grants(vault, cast)
    say("expiring the Fjord NDA and trying releases")
    edit_agreement(vault, agreements["fjord_nda"], expires=_day(now, -12, end=True))
    release_asset(vault, cast.secret)  # secret: waits for a second person's approval
    with contextlib.suppress(ReleaseBlockedError):
        release_asset(vault, cast.caption)  # placeholders: refused, and recorded as denied
    (assets,) = query(vault.conn, "SELECT count(*) FROM assets")[0]
    return len(PARTIES), len(CAMPAIGNS), len(agreements), int(assets), grants


def _campaign_files(
    cast: _Cast, spec: CampaignSpec, photo: int, batch: list[tuple[Path, ImportOptions, str]]
) -> int:
    """Write one campaign's files and add them to `batch` as (path, options, role)."""
    folder = cast.scratch / spec.key
    folder.mkdir()
    campaign_id = cast.campaign[spec.key]
    for number in range(spec.photos):
        path = media.write_photo(folder, PHOTO_NAMES[number], photo)
        photo += 1
        sensitivity = "internal" if "behind" in path.name else "confidential"
        if spec.key == "gifts" and number == 0:
            sensitivity = "secret"
        teaser = spec.key == "roast" and number == 1
        options = ImportOptions(
            title=f"{spec.name}: {path.stem.replace('-', ' ')}",
            campaign_id=campaign_id,
            sensitivity=sensitivity,
            tags=("hero",) if number == 0 else ("social",) if number % 2 else ("product",),
            embargo_until=_at(cast.now, 3, 12, spec.zone) if teaser else None,
        )
        role = "secret" if sensitivity == "secret" else f"hero:{spec.key}" if number == 0 else ""
        batch.append((path, options, role))
    brief = media.write_brief(folder, "brief.pdf", f"{spec.name}: brief", BRIEF_LINES, photo)
    options = ImportOptions(f"{spec.name}: creative brief", campaign_id, tags=("brief",))
    batch.append((brief, options, ""))
    text = media.write_text(folder, "caption.txt", spec.caption)
    options = ImportOptions(f"{spec.name}: caption", campaign_id, tags=("caption",))
    batch.append((text, options, "caption" if spec.key == "glow" else ""))
    return photo + 1


def _agreements(vault: Vault, cast: _Cast) -> dict[str, str]:
    now = cast.now
    signed = media.write_brief(
        cast.scratch,
        "signed.pdf",
        "Agreement (signed copy)",
        ["Signed by all parties", "Confidentiality survives its end"],
        3,
    )
    made: dict[str, str] = {}
    for spec in AGREEMENTS:
        rights: tuple[UsageRight, ...] = ()
        if spec.usage is not None:
            platforms, territory, starts, ends = spec.usage
            rights = (UsageRight(platforms, territory, _day(now, starts), _day(now, ends, True)),)
        new = NewAgreement(
            kind=spec.kind,
            title=spec.title,
            party_ids=tuple(cast.party[p] for p in spec.parties),
            effective=_day(now, spec.effective_days),
            expires=_day(now, spec.expires_days, end=True),
            status=spec.status,
            survival_days=spec.survival_days,
            campaign_ids=tuple(cast.campaign[c] for c in spec.campaigns),
            usage_rights=rights,
            notes=spec.notes,
            document=signed if spec.signed_document else None,
        )
        made[spec.key] = add_agreement(vault, new).id
    return made


def _grants(vault: Vault, cast: _Cast) -> int:
    party, campaign, hero = cast.party, cast.campaign, cast.hero
    until = _day(cast.now, 90, end=True)
    made = [
        grant_access(vault, party["maya"], campaign_id=campaign["glow"], valid_until=until),
        grant_access(vault, party["maya"], asset_id=hero["roast"], level="original"),
        grant_access(vault, party["sora"], campaign_id=campaign["gifts"], valid_until=until),
        grant_access(vault, party["leo"], campaign_id=campaign["trek"]),
        grant_access(vault, party["leo"], campaign_id=campaign["trail"], level="original"),
        grant_access(vault, party["aurora"], campaign_id=campaign["glow"]),
        grant_access(vault, party["fjord"], campaign_id=campaign["trek"], valid_until=until),
        grant_access(vault, party["fjord"], asset_id=hero["trail"], level="original"),
        grant_access(
            vault,
            party["press"],
            asset_id=hero["glow"],
            valid_until=_day(cast.now, 6, end=True),
            override_reason="Press preview agreed by phone with Aurora PR; their NDA is on its way",
        ),
    ]
    moved = grant_access(vault, party["sora"], campaign_id=campaign["glow"])
    revoke_grant(vault, moved.id, "Sora moved to the holiday campaign")
    with contextlib.suppress(NdaRequiredError):  # a licence is not an NDA: refused and recorded
        grant_access(vault, party["kiln"], campaign_id=campaign["roast"])
    return len(made) + 1
