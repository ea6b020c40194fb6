"""Access grants: which party may see which asset or campaign, how, from when until when.

The rule (see `coverage`): a party may be granted access to confidential, secret or embargoed
work only while a signed, unexpired NDA of that party covers it. Otherwise the grant is refused
(`NdaRequiredError`, recorded in the audit log as `denied`), unless an owner overrides it with a
written reason; the grant is then recorded with outcome `exception`. Whether a grant is an
exception is computed whenever grants are listed, so an NDA that expires or is terminated turns
the grants it covered into exceptions by itself, and one signed later clears them.

Bad input (a deleted party, dates in the wrong order, an unknown asset) is refused before
anything is written, the audit log included.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sealroom.crypto.keyslots import Role
from sealroom.vault.access.coverage import Coverage, CoverageIndex
from sealroom.vault.agreements.records import load_agreement
from sealroom.vault.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from sealroom.vault.parties.directory import active_party
from sealroom.vault.records import new_id
from sealroom.vault.session import Vault
from sealroom.vault.store import query
from sealroom.vault.when import When, display, now_utc, stamp

GRANT_LEVELS = ("preview", "original")
MIN_OVERRIDE_REASON = 10

_COLUMNS = (
    "id, party_id, asset_id, campaign_id, level, valid_from, valid_until, zone, agreement_id,"
    " override_reason, granted, granted_by, revoked, revoked_by, revoke_reason"
)


class NdaRequiredError(PermissionDeniedError):
    """Refused by the NDA rule; `coverage` says why, so a GUI can offer an owner's override."""

    def __init__(self, message: str, coverage: Coverage) -> None:
        super().__init__(message)
        self.coverage = coverage


@dataclass(frozen=True)
class Grant:
    id: str
    party_id: str
    asset_id: str | None
    campaign_id: str | None
    level: str
    valid_from: str
    valid_until: str | None
    zone: str
    agreement_id: str | None
    override_reason: str | None
    granted: str
    granted_by: str
    revoked: str | None
    revoked_by: str | None
    revoke_reason: str | None
    party_name: str = ""
    party_deleted: bool = False
    target_title: str = ""
    state: str = "active"
    """scheduled, active, ended or revoked, at the moment the grant was loaded."""
    exception: bool = False
    """Active (or scheduled) although no NDA in force covers confidential or embargoed work."""
    exception_reason: str | None = None
    covering_nda_id: str | None = None

    @property
    def target_kind(self) -> str:
        return "asset" if self.asset_id else "campaign"

    @property
    def target_id(self) -> str:
        return self.asset_id or self.campaign_id or ""

    @property
    def valid_from_display(self) -> str:
        return display(self.valid_from, self.zone) or ""

    @property
    def valid_until_display(self) -> str | None:
        return display(self.valid_until, self.zone)

    def to_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["target_kind"] = self.target_kind
        data["target_id"] = self.target_id
        data["valid_from_display"] = self.valid_from_display
        data["valid_until_display"] = self.valid_until_display
        return data


def grant_access(
    vault: Vault,
    party_id: str,
    *,
    asset_id: str | None = None,
    campaign_id: str | None = None,
    level: str = "preview",
    valid_from: When | None = None,
    valid_until: When | None = None,
    agreement_id: str | None = None,
    override_reason: str | None = None,
) -> Grant:
    """Grant a party access to an asset or a campaign, under the NDA rule (module docstring)."""
    vault.require_content("grant access")
    if (asset_id is None) == (campaign_id is None):
        raise InvalidInputError("grant access to one asset or one campaign")
    if level not in GRANT_LEVELS:
        raise InvalidInputError(
            f"access level must be one of: {', '.join(GRANT_LEVELS)}", field="level"
        )
    party = active_party(vault, party_id, "be granted access", "party_id")
    now = now_utc()
    start = valid_from or When(now, valid_until.zone if valid_until else "UTC")
    if valid_until is not None:
        if valid_until.utc <= start.utc:
            raise InvalidInputError(
                f"the grant would end {valid_until.display()}, not after it starts "
                f"{start.display()}; check the order of the dates",
                field="valid_until",
            )
        if valid_until.utc <= now:
            raise InvalidInputError(
                f"the end date {valid_until.display()} is already past", field="valid_until"
            )
    index = CoverageIndex(vault, now)
    if asset_id is not None:
        coverage = index.for_asset(party.id, asset_id)
    else:
        assert campaign_id is not None
        coverage = index.for_campaign(party.id, campaign_id)
    if agreement_id is not None:
        _check_agreement(vault, agreement_id, party.id, now)
    reason = (override_reason or "").strip()
    if reason and len(reason) < MIN_OVERRIDE_REASON:
        raise InvalidInputError(
            f"write the override reason in a sentence (at least {MIN_OVERRIDE_REASON} characters)",
            field="override_reason",
        )
    target = f"{coverage.target_kind} {coverage.target_id}"
    if not coverage.covered:
        if not reason:
            message = coverage.explanation(party.name)
            _record_denied(
                vault,
                party.id,
                target,
                f"{' and '.join(coverage.needs)}; no NDA in force covers it",
            )
            raise NdaRequiredError(
                f"grant refused: {message}; an owner may override with a written reason",
                coverage,
            )
        if vault.role is not Role.OWNER:
            _record_denied(vault, party.id, target, "override asked by a non-owner")
            raise PermissionDeniedError(
                "only an owner can override the NDA rule; ask an owner to grant this access"
            )
    exception = not coverage.covered
    grant_id = new_id("gnt")
    values = (
        grant_id,
        party.id,
        asset_id,
        campaign_id,
        level,
        start.text,
        valid_until.text if valid_until else None,
        start.zone,
        agreement_id or coverage.nda_id,
        reason if exception else None,
        stamp(now),
        vault.actor.user,
        None,
        None,
        None,
    )
    with vault.transaction() as conn:
        conn.execute(f"INSERT INTO grants ({_COLUMNS}) VALUES ({','.join('?' * 15)})", values)
        detail = f"{party.id} -> {target} ({level})"
        if valid_until is not None:
            detail += f" until {valid_until.text}"
        if exception:
            detail += f"; owner override without a covering NDA: {reason}"
        elif coverage.nda_id:
            detail += f"; under NDA {coverage.nda_id}"
        vault.audit.append("grant.add", grant_id, "exception" if exception else "success", detail)
    return get_grant(vault, grant_id)


def revoke_grant(vault: Vault, grant_id: str, reason: str) -> Grant:
    """End a grant now, with the reason kept in the grant and the audit log."""
    grant = get_grant(vault, grant_id)
    if grant.revoked:
        raise InvalidInputError(f"grant {grant_id} was already revoked on {grant.revoked[:10]}")
    if not reason.strip():
        raise InvalidInputError(
            "say why the grant is revoked (the audit log keeps the reason)", field="reason"
        )
    with vault.transaction() as conn:
        conn.execute(
            "UPDATE grants SET revoked = ?, revoked_by = ?, revoke_reason = ? WHERE id = ?",
            (stamp(now_utc()), vault.actor.user, reason.strip(), grant_id),
        )
        vault.audit.append("grant.revoke", grant_id, reason=reason.strip())
    return get_grant(vault, grant_id)


def get_grant(vault: Vault, grant_id: str, now: datetime | None = None) -> Grant:
    vault.require_content("read grants")
    found = query_grants(vault, "g.id = ?", (grant_id,), now=now, include_inactive=True)
    if not found:
        raise NotFoundError(f"no grant with id {grant_id}")
    return found[0]


def list_grants(
    vault: Vault,
    *,
    party_id: str | None = None,
    asset_id: str | None = None,
    campaign_id: str | None = None,
    include_inactive: bool = False,
    exceptions_only: bool = False,
    now: datetime | None = None,
) -> list[Grant]:
    """Grants, newest first. `asset_id` also finds grants on the asset's campaign.

    Without `include_inactive`, only active and scheduled grants (not revoked or ended).
    """
    vault.require_content("list grants")
    conditions: list[str] = []
    params: list[Any] = []
    if party_id is not None:
        conditions.append("g.party_id = ?")
        params.append(party_id)
    if asset_id is not None:
        conditions.append(
            "(g.asset_id = ? OR g.campaign_id = (SELECT campaign_id FROM assets WHERE id = ?))"
        )
        params += [asset_id, asset_id]
    if campaign_id is not None:
        conditions.append("g.campaign_id = ?")
        params.append(campaign_id)
    found = query_grants(
        vault, " AND ".join(conditions), tuple(params), now=now, include_inactive=include_inactive
    )
    if exceptions_only:
        found = [g for g in found if g.exception]
    with vault.transaction():
        scope = party_id or asset_id or campaign_id or ""
        vault.audit.append("grant.list", scope, reason="exceptions" if exceptions_only else "")
    return found


def query_grants(
    vault: Vault,
    where: str = "",
    params: tuple[Any, ...] = (),
    *,
    now: datetime | None = None,
    include_inactive: bool = False,
) -> list[Grant]:
    """Grants with their state and exception status at `now` (no audit event: for use-cases)."""
    index = CoverageIndex(vault, now)
    moment = stamp(index.now)
    conditions = [where] if where else []
    if not include_inactive:
        conditions.append("g.revoked IS NULL AND (g.valid_until IS NULL OR g.valid_until >= ?)")
        params = (*params, moment)
    sql = (
        "SELECT "
        + ", ".join(f"g.{c.strip()}" for c in _COLUMNS.split(","))
        + ", p.name, p.deleted, coalesce(a.title, c.name, '')"
        " FROM grants g JOIN parties p ON p.id = g.party_id"
        " LEFT JOIN assets a ON a.id = g.asset_id LEFT JOIN campaigns c ON c.id = g.campaign_id"
        + (" WHERE " + " AND ".join(conditions) if conditions else "")
        + " ORDER BY g.granted DESC, g.id"
    )
    grants = []
    for row in query(vault.conn, sql, params):
        grant = replace(
            Grant(*row[:15]),
            party_name=row[15],
            party_deleted=row[16] is not None,
            target_title=row[17],
        )
        grants.append(_evaluate(grant, index, moment))
    return grants


def _evaluate(grant: Grant, index: CoverageIndex, moment: str) -> Grant:
    if grant.revoked:
        return replace(grant, state="revoked")
    if grant.valid_until is not None and grant.valid_until < moment:
        return replace(grant, state="ended")
    state = "scheduled" if grant.valid_from > moment else "active"
    if grant.asset_id is not None:
        coverage = index.for_asset(grant.party_id, grant.asset_id)
    else:
        assert grant.campaign_id is not None
        coverage = index.for_campaign(grant.party_id, grant.campaign_id)
    if coverage.covered:
        return replace(grant, state=state, covering_nda_id=coverage.nda_id)
    if coverage.lapsed:
        why = coverage.lapsed
    elif grant.override_reason:
        why = f"owner override by {grant.granted_by}: {grant.override_reason}"
    else:
        why = f"no NDA covers it now ({' and '.join(coverage.needs)})"
    return replace(grant, state=state, exception=True, exception_reason=why)


def _check_agreement(vault: Vault, agreement_id: str, party_id: str, now: datetime) -> None:
    agreement = load_agreement(vault, agreement_id)
    if party_id not in agreement.party_ids:
        raise InvalidInputError(
            f"agreement {agreement_id} is not with party {party_id}", field="agreement_id"
        )
    if not agreement.in_force(now):
        status = agreement.status_at(now)
        if status == "signed":
            status = f"not in effect before {agreement.effective_display}"
        raise InvalidInputError(
            f"agreement {agreement_id} is {status}; a grant is made under an agreement in force",
            field="agreement_id",
        )


def _record_denied(vault: Vault, party_id: str, target: str, why: str) -> None:
    with vault.transaction():
        vault.audit.append("grant.add", target, "denied", f"{party_id}: {why}")
