"""The outbound rule: what must hold before a copy of an asset leaves the vault for a party.

Every path that issues a copy (a watermarked preview file, a share package) calls
`authorize_outbound` first. A copy of an asset for a party is issued only when

- an active grant covers the asset for that party, directly or through the asset's campaign (a
  revoked grant, one that ended and one that has not started yet do not);
- the NDA rule of `access.coverage` holds: an asset that is confidential, secret or under
  embargo needs a signed, unexpired NDA of that party that covers it;
- for a secret asset, another owner or manager approved this copy (`share_approvals`);
- it carries the visible mark, unless an owner issues it (audited either way).

Otherwise it is refused with `OutboundRefusedError`, whose one-line message names every rule
that failed, and the refusal is recorded in the audit log (`share.authorize`, `denied`). An
owner may override the grant, NDA and approval rules with a written reason of at least
`MIN_OVERRIDE_REASON` characters: the copy is then recorded as an exception (a row in
`outbound_exceptions` and an audit event with outcome `exception`) that the dashboard shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sealroom.crypto.keyslots import Role
from sealroom.vault.access.coverage import CoverageIndex
from sealroom.vault.access.grants import MIN_OVERRIDE_REASON, Grant, query_grants
from sealroom.vault.assets.records import load_asset
from sealroom.vault.clock import now_stamp
from sealroom.vault.errors import InvalidInputError, PermissionDeniedError
from sealroom.vault.parties.directory import Party, active_party
from sealroom.vault.protect.share_approvals import approval_for
from sealroom.vault.records import new_id
from sealroom.vault.session import Vault
from sealroom.vault.store import query
from sealroom.vault.when import now_utc

OUTBOUND_KINDS = ("preview", "package")
_EXCEPTION_COLUMNS = (
    "id, kind, asset_id, party_id, bypassed, reason, visible_mark, created, created_by"
)


class OutboundRefusedError(PermissionDeniedError):
    """A copy was refused by the outbound rule; `problems` lists each rule that failed, and
    `owner_may_override` says whether an owner's written reason would let it through."""

    def __init__(self, message: str, problems: tuple[str, ...], owner_may_override: bool):
        super().__init__(message)
        self.problems = problems
        self.owner_may_override = owner_may_override


@dataclass(frozen=True)
class OutboundDecision:
    """Why a copy may leave: the grant, NDA and approval it is issued under, or the exception."""

    kind: str
    asset_id: str
    asset_version: int
    party_id: str
    visible_mark: bool
    grant_id: str | None
    nda_id: str | None
    approval_id: str | None
    exception_id: str | None = None
    """The owner's override recorded for this copy (None: the rule was met)."""
    bypassed: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["bypassed"] = list(self.bypassed)
        return data


@dataclass(frozen=True)
class OutboundException:
    """A copy issued by an owner's override of the outbound rule."""

    id: str
    kind: str
    asset_id: str
    party_id: str
    bypassed: str
    reason: str
    visible_mark: bool
    created: str
    created_by: str
    asset_title: str = ""
    party_name: str = ""

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class OutboundCheck:
    """What the outbound rule says of one copy of an asset for a party, before anything is
    issued or recorded: the grant, NDA and approval it would go under, or what is missing."""

    asset_id: str
    asset_version: int
    party_id: str
    party_name: str
    grant_id: str | None
    nda_id: str | None
    approval_id: str | None
    approver: str | None
    problems: tuple[tuple[str, str], ...]
    """(for the person, for the audit log) of each rule that fails."""

    @property
    def allowed(self) -> bool:
        return not self.problems

    @property
    def reasons(self) -> tuple[str, ...]:
        return tuple(told for told, _ in self.problems)


def check_outbound(
    vault: Vault,
    party_id: str,
    asset_id: str,
    *,
    now: datetime | None = None,
    index: CoverageIndex | None = None,
) -> OutboundCheck:
    """The rule's answer for one copy (grant, NDA, approval), with nothing recorded: what a
    dialog shows before issuing. Pass one `CoverageIndex` when checking many copies."""
    vault.require_content("check copies of assets")
    asset = load_asset(vault, asset_id)
    party = active_party(vault, party_id, "receive a copy")
    index = index or CoverageIndex(vault, now or now_utc())
    grant, grant_problem = _grant_for(vault, party, asset.id, index.now)
    # (for the person, for the audit log: ids only, no names or titles)
    problems = [grant_problem] if grant_problem else []
    coverage = index.for_asset(party.id, asset.id)
    if not coverage.covered:
        needs = " and ".join(coverage.needs)
        problems.append((coverage.explanation(party.name), f"{needs}; no NDA in force covers it"))
    approval_id = approver = None
    if asset.sensitivity == "secret":
        approval, approval_problem = approval_for(vault, asset, party.id)
        if approval is not None:
            approval_id, approver = approval.id, approval.decided_by
        else:
            problems.append((approval_problem, "secret: no unused approval by a second person"))
    return OutboundCheck(
        asset.id,
        asset.version,
        party.id,
        party.name,
        grant.id if grant else None,
        coverage.nda_id,
        approval_id,
        approver,
        tuple(problems),
    )


def authorize_outbound(
    vault: Vault,
    party_id: str,
    asset_id: str,
    *,
    kind: str = "preview",
    override_reason: str | None = None,
    visible_mark: bool = True,
    now: datetime | None = None,
) -> OutboundDecision:
    """Decide whether a copy of an asset may be issued to a party (module docstring), and
    record the decision: an audit event, and for an owner's override an exception row."""
    vault.require_content("issue copies of assets")
    if kind not in OUTBOUND_KINDS:
        raise InvalidInputError(f"an outbound copy is one of: {', '.join(OUTBOUND_KINDS)}")
    reason = " ".join((override_reason or "").split())
    if reason and len(reason) < MIN_OVERRIDE_REASON:
        raise InvalidInputError(
            f"write the override reason in a sentence (at least {MIN_OVERRIDE_REASON} characters)",
            field="override_reason",
        )
    check = check_outbound(vault, party_id, asset_id, now=now)
    what = f"{kind} of {check.asset_id} for {check.party_name} ({check.party_id})"
    owner = vault.role is Role.OWNER
    if not visible_mark and not owner:
        why = "only an owner can issue a copy without the visible mark"
        detail = f"{kind} for {check.party_id} without the visible mark: {why}"
        _deny(vault, check.asset_id, detail)
        raise OutboundRefusedError(
            f"{what} refused: {why}; keep the visible mark or ask an owner", (why,), False
        )
    problems = list(check.problems)
    approval_note = (
        f"; approved by {check.approver} ({check.approval_id})" if check.approver else ""
    )
    mark_note = "" if visible_mark else "; without the visible mark (owner)"
    grant_id = check.grant_id
    asset_id = check.asset_id
    party_id = check.party_id
    if not problems:
        detail = f"{kind} for {party_id}; grant {grant_id}"
        if check.nda_id:
            detail += f"; under NDA {check.nda_id}"
        with vault.transaction():
            vault.audit.append(
                "share.authorize", asset_id, public=detail + approval_note + mark_note
            )
        return OutboundDecision(
            kind,
            asset_id,
            check.asset_version,
            party_id,
            visible_mark,
            grant_id,
            check.nda_id,
            check.approval_id,
        )
    told = tuple(text for text, _ in problems)
    logged = "; ".join(text for _, text in problems)
    refused = f"{what} refused: {'; '.join(told)}"
    if not reason:
        _deny(vault, asset_id, f"{kind} for {party_id}: {logged}{mark_note}")
        hint = (
            "an owner may override with a written reason"
            if owner
            else "ask an owner to override it with a written reason"
        )
        raise OutboundRefusedError(f"{refused}; {hint}", told, True)
    if not owner:
        _deny(vault, asset_id, f"{kind} for {party_id}: override asked by a {vault.role}")
        raise OutboundRefusedError(
            f"{refused}; only an owner can override the outbound rule", told, True
        )
    exception_id = new_id("obx")
    with vault.transaction() as conn:
        conn.execute(
            f"INSERT INTO outbound_exceptions ({_EXCEPTION_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)",
            (
                exception_id,
                kind,
                asset_id,
                party_id,
                "; ".join(told),
                reason,
                int(visible_mark),
                now_stamp(),
                vault.actor.user,
            ),
        )
        vault.audit.append(
            "share.authorize",
            asset_id,
            "exception",
            f"{kind} for {party_id}; owner override {exception_id}: {reason}; "
            f"bypassed: {logged}{mark_note}",
            public=f"{kind} for {party_id}; owner override {exception_id}",
        )
    return OutboundDecision(
        kind,
        asset_id,
        check.asset_version,
        party_id,
        visible_mark,
        grant_id,
        check.nda_id,
        check.approval_id,
        exception_id,
        told,
    )


def outbound_exceptions(vault: Vault, since: str | None = None) -> list[OutboundException]:
    """Copies issued by an owner's override, newest first (no audit event: for use-cases such
    as the dashboard, which records its own)."""
    vault.require_content("list outbound exceptions")
    columns = ", ".join(f"x.{c.strip()}" for c in _EXCEPTION_COLUMNS.split(","))
    sql = (
        f"SELECT {columns}, coalesce(a.title, ''), coalesce(p.name, '')"
        " FROM outbound_exceptions x LEFT JOIN assets a ON a.id = x.asset_id"
        " LEFT JOIN parties p ON p.id = x.party_id"
        + (" WHERE x.created >= ?" if since is not None else "")
        + " ORDER BY x.created DESC, x.id"
    )
    rows = query(vault.conn, sql, (since,) if since is not None else ())
    return [
        OutboundException(
            id=r[0],
            kind=r[1],
            asset_id=r[2],
            party_id=r[3],
            bypassed=r[4],
            reason=r[5],
            visible_mark=bool(r[6]),
            created=r[7],
            created_by=r[8],
            asset_title=r[9],
            party_name=r[10],
        )
        for r in rows
    ]


def _grant_for(
    vault: Vault, party: Party, asset_id: str, now: datetime
) -> tuple[Grant | None, tuple[str, str] | None]:
    """The active grant covering the asset for the party (an asset grant before a campaign
    grant), or why there is none (for the person, for the audit log)."""
    found = query_grants(
        vault,
        "g.party_id = ? AND (g.asset_id = ?"
        " OR g.campaign_id = (SELECT campaign_id FROM assets WHERE id = ?))",
        (party.id, asset_id, asset_id),
        now=now,
        include_inactive=True,
    )
    active = sorted((g for g in found if g.state == "active"), key=lambda g: g.asset_id is None)
    if active:
        return active[0], None
    if not found:
        told = f"{party.name} has no grant to {asset_id} or its campaign; grant access first"
        return None, (told, "no grant")
    latest = found[0]
    if latest.state == "revoked":
        told = (
            f"grant {latest.id} was revoked on {(latest.revoked or '')[:10]} by "
            f"{latest.revoked_by} ({latest.revoke_reason}); a revoked grant allows no copy"
        )
        return None, (told, f"grant {latest.id} revoked")
    if latest.state == "ended":
        told = f"grant {latest.id} ended {latest.valid_until_display}; renew the grant"
        return None, (told, f"grant {latest.id} ended")
    told = f"grant {latest.id} starts {latest.valid_from_display}; no copy before then"
    return None, (told, f"grant {latest.id} not started")


def _deny(vault: Vault, asset_id: str, detail: str) -> None:
    with vault.transaction():
        vault.audit.append("share.authorize", asset_id, "denied", public=detail)
