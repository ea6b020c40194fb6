"""Lifting an embargo: the release guard, and a second person's approval for secret assets.

An embargo holds until someone releases the asset, even after its planned time (the dashboard
shows such assets as overdue). Releasing a caption or other text asset first runs the guard
(`guard.check_text`) on its current version; any finding refuses the release, recorded
in the audit log as `denied`. Releasing a `secret` asset records a request; another owner or
manager then approves it (`approve_release`), which runs the guard again on the same version
and lifts the embargo. Every step is an audit event.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sealroom.vault.assets.records import Asset, load_asset
from sealroom.vault.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from sealroom.vault.parties.campaigns import campaign_handles
from sealroom.vault.records import new_id
from sealroom.vault.release.guard import Finding, check_text, summary
from sealroom.vault.session import Vault
from sealroom.vault.store import query
from sealroom.vault.when import now_utc, stamp


@dataclass(frozen=True)
class GuardReport:
    asset_id: str
    version: int
    checked: bool
    """False for assets that are not text (images, PDFs, videos): nothing to read."""
    findings: tuple[Finding, ...]
    allowed_handles: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.findings

    def to_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["findings"] = [f.to_json() for f in self.findings]
        data["allowed_handles"] = list(self.allowed_handles)
        data["ok"] = self.ok
        return data


@dataclass(frozen=True)
class ReleaseRequest:
    id: str
    asset_id: str
    version: int
    state: str
    requested: str
    requested_by: str
    decided: str | None
    decided_by: str | None
    asset_title: str = ""

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class ReleaseOutcome:
    asset_id: str
    state: str
    """released, or awaiting_approval (a secret asset)."""
    report: GuardReport
    request_id: str | None = None
    released: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["report"] = self.report.to_json()
        return data


class ReleaseBlockedError(InvalidInputError):
    """The release guard found problems; `report.findings` lists them."""

    def __init__(self, message: str, report: GuardReport) -> None:
        super().__init__(message)
        self.report = report


def check_release(vault: Vault, asset_id: str) -> GuardReport:
    """Run the guard without releasing (for a preview of what release would say)."""
    asset = load_asset(vault, asset_id)
    report = _guard(vault, asset)
    with vault.transaction():
        vault.audit.append(
            "asset.guard",
            asset.id,
            "success" if report.ok else "failure",
            summary(list(report.findings), 20, quote=False) if report.findings else "no findings",
        )
    return report


def release_asset(vault: Vault, asset_id: str) -> ReleaseOutcome:
    """Lift an asset's embargo, or for a secret asset ask for a second person's approval."""
    vault.require_content("release assets")
    asset = load_asset(vault, asset_id)
    _check_embargoed(asset)
    pending = _pending(vault, asset.id)
    if pending is not None:
        who = "you" if pending.requested_by == vault.actor.user else pending.requested_by
        raise InvalidInputError(
            f"the release of {asset.id} was already asked by {who} on {pending.requested[:16]}; "
            "another owner or manager approves it"
        )
    report = _guard_or_refuse(vault, asset, "asset.release")
    now = stamp(now_utc())
    if asset.sensitivity == "secret":
        request_id = new_id("rel")
        with vault.transaction() as conn:
            conn.execute(
                "INSERT INTO release_requests (id, asset_id, version, state, requested,"
                " requested_by) VALUES (?,?,?,?,?,?)",
                (request_id, asset.id, asset.version, "pending", now, vault.actor.user),
            )
            vault.audit.append(
                "asset.release.request",
                asset.id,
                reason=f"secret: needs approval by another owner or manager; {_guard_note(report)}",
            )
        return ReleaseOutcome(asset.id, "awaiting_approval", report, request_id)
    with vault.transaction() as conn:
        conn.execute(
            "UPDATE assets SET released = ?, released_by = ? WHERE id = ?",
            (now, vault.actor.user, asset.id),
        )
        vault.audit.append("asset.release", asset.id, reason=_guard_note(report))
    return ReleaseOutcome(asset.id, "released", report, released=now)


def approve_release(vault: Vault, asset_id: str) -> ReleaseOutcome:
    """Approve another person's request to release a secret asset, and lift its embargo."""
    vault.require_content("approve releases")
    asset = load_asset(vault, asset_id)
    request = _pending(vault, asset.id)
    if request is None:
        raise NotFoundError(f"no release of {asset.id} is waiting for approval")
    if request.requested_by == vault.actor.user:
        with vault.transaction():
            vault.audit.append(
                "asset.release.approve", asset.id, "denied", "the requester cannot approve"
            )
        raise PermissionDeniedError(
            f"you asked for the release of {asset.id}; another owner or manager must approve it"
        )
    now = stamp(now_utc())
    if request.version != asset.version:
        with vault.transaction() as conn:
            conn.execute(
                "UPDATE release_requests SET state = 'withdrawn', decided = ?, decided_by = ?"
                " WHERE id = ?",
                (now, vault.actor.user, request.id),
            )
            vault.audit.append(
                "asset.release.approve",
                asset.id,
                "denied",
                f"asked for version {request.version}, now version {asset.version}",
            )
        raise InvalidInputError(
            f"{asset.id} changed since its release was asked (version {request.version} -> "
            f"{asset.version}); ask for the release again"
        )
    report = _guard_or_refuse(vault, asset, "asset.release.approve")
    with vault.transaction() as conn:
        conn.execute(
            "UPDATE release_requests SET state = 'approved', decided = ?, decided_by = ?"
            " WHERE id = ?",
            (now, vault.actor.user, request.id),
        )
        conn.execute(
            "UPDATE assets SET released = ?, released_by = ? WHERE id = ?",
            (now, vault.actor.user, asset.id),
        )
        vault.audit.append(
            "asset.release.approve", asset.id, reason=f"asked by {request.requested_by}"
        )
        vault.audit.append(
            "asset.release",
            asset.id,
            reason=f"approved by {vault.actor.user}, asked by {request.requested_by}; "
            + _guard_note(report),
        )
    return ReleaseOutcome(asset.id, "released", report, request.id, now)


def list_release_requests(
    vault: Vault, pending_only: bool = True, *, lookup: bool = False
) -> list[ReleaseRequest]:
    """Requests to release secret assets, newest first."""
    vault.require_content("list release requests")
    where = " WHERE r.state = 'pending'" if pending_only else ""
    rows = query(
        vault.conn,
        "SELECT r.id, r.asset_id, r.version, r.state, r.requested, r.requested_by, r.decided,"
        " r.decided_by, a.title FROM release_requests r JOIN assets a ON a.id = r.asset_id"
        f"{where} ORDER BY r.requested DESC, r.id",
    )
    vault.record_listing("asset.release.list", lookup=lookup)
    return [ReleaseRequest(*r) for r in rows]


def _check_embargoed(asset: Asset) -> None:
    if asset.released is not None:
        raise InvalidInputError(
            f"{asset.id} was already released on {asset.released[:16]} by {asset.released_by}"
        )
    if asset.embargo_until is None:
        raise InvalidInputError(f"{asset.id} has no embargo to lift")


def _pending(vault: Vault, asset_id: str) -> ReleaseRequest | None:
    rows = query(
        vault.conn,
        "SELECT r.id, r.asset_id, r.version, r.state, r.requested, r.requested_by, r.decided,"
        " r.decided_by, '' FROM release_requests r WHERE r.asset_id = ? AND r.state = 'pending'",
        (asset_id,),
    )
    return ReleaseRequest(*rows[0]) if rows else None


def _guard(vault: Vault, asset: Asset) -> GuardReport:
    handles = tuple(sorted(campaign_handles(vault, asset.campaign_id))) if asset.campaign_id else ()
    if asset.kind != "text":
        return GuardReport(asset.id, asset.version, False, (), handles)
    text = vault.blobs.read_bytes(asset.blob_id).decode("utf-8", errors="replace")
    return GuardReport(asset.id, asset.version, True, tuple(check_text(text, handles)), handles)


def _guard_or_refuse(vault: Vault, asset: Asset, action: str) -> GuardReport:
    report = _guard(vault, asset)
    if report.ok:
        return report
    findings = list(report.findings)
    with vault.transaction():
        vault.audit.append(
            action, asset.id, "denied", f"release guard: {summary(findings, 20, quote=False)}"
        )
    raise ReleaseBlockedError(
        f"release of {asset.id} refused: {len(findings)} problem"
        f"{'s' if len(findings) != 1 else ''} in the text: {summary(findings)}; "
        "fix them in a new version, then release again",
        report,
    )


def _guard_note(report: GuardReport) -> str:
    return "release guard passed" if report.checked else "not text: release guard not needed"
