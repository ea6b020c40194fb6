"""A second person's approval of each copy of a secret asset that leaves the vault.

One owner or manager asks (`request_share`) for a copy of a secret asset for one party; another
owner or manager approves it (`approve_share`). An approval covers one copy (a preview or a
share package) of the asset's version it was given for, for that party: the first share of that
asset to that party issued after the approval uses it, and a later copy needs a new request.
Whether an approval was used is computed from the shares table, so nothing can mark it unused.
The requester cannot approve their own request (refused and recorded as `denied`; the database
refuses it too). Every step is an audit event.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sealroom.vault.assets.records import Asset, load_asset
from sealroom.vault.clock import now_stamp
from sealroom.vault.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from sealroom.vault.parties.directory import active_party
from sealroom.vault.records import new_id
from sealroom.vault.session import Vault
from sealroom.vault.store import Connection, query

_SELECT = (
    "SELECT r.id, r.asset_id, r.asset_version, r.party_id, r.note, r.state, r.requested,"
    " r.requested_by, r.decided, r.decided_by,"
    " (SELECT s.id FROM shares s WHERE s.asset_id = r.asset_id AND s.party_id = r.party_id"
    "  AND r.state = 'approved' AND s.created >= r.decided ORDER BY s.created, s.id LIMIT 1),"
    " coalesce(a.title, ''), coalesce(p.name, '')"
    " FROM share_requests r LEFT JOIN assets a ON a.id = r.asset_id"
    " LEFT JOIN parties p ON p.id = r.party_id"
)


@dataclass(frozen=True)
class ShareRequest:
    id: str
    asset_id: str
    asset_version: int
    party_id: str
    note: str
    state: str
    """pending, approved or withdrawn (the asset changed before anyone approved)."""
    requested: str
    requested_by: str
    decided: str | None
    decided_by: str | None
    used_by: str | None = None
    """The share that used this approval (None: not used yet)."""
    asset_title: str = ""
    party_name: str = ""

    @property
    def usable(self) -> bool:
        return self.state == "approved" and self.used_by is None

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def request_share(vault: Vault, asset_id: str, party_id: str, note: str = "") -> ShareRequest:
    """Ask another owner or manager to approve one copy of a secret asset for a party."""
    vault.require_content("ask for a share's approval")
    asset = load_asset(vault, asset_id)
    party = active_party(vault, party_id, "receive a copy")
    if asset.sensitivity != "secret":
        raise InvalidInputError(
            f"{asset.id} is {asset.sensitivity}, not secret: its copies need no second "
            "person's approval"
        )
    for open_request in _find(vault, "r.asset_id = ? AND r.party_id = ?", (asset.id, party.id)):
        if open_request.state == "pending" or (
            open_request.usable and open_request.asset_version == asset.version
        ):
            who = (
                "you"
                if open_request.requested_by == vault.actor.user
                else (open_request.requested_by)
            )
            raise InvalidInputError(
                f"a copy of {asset.id} for {party.id} was already asked by {who} "
                f"(request {open_request.id}, {open_request.state}); no second request is needed"
            )
    request_id = new_id("srq")
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO share_requests (id, asset_id, asset_version, party_id, note, state,"
            " requested, requested_by) VALUES (?,?,?,?,?,?,?,?)",
            (
                request_id,
                asset.id,
                asset.version,
                party.id,
                note.strip(),
                "pending",
                now_stamp(),
                vault.actor.user,
            ),
        )
        vault.audit.append(
            "share.request",
            request_id,
            reason=f"{asset.id} v{asset.version} for {party.id}; needs another owner or manager",
        )
    return get_share_request(vault, request_id)


def approve_share(vault: Vault, request_id: str) -> ShareRequest:
    """Approve another person's request for a copy of a secret asset."""
    vault.require_content("approve shares")
    request = get_share_request(vault, request_id)
    if request.state != "pending":
        raise InvalidInputError(
            f"share request {request.id} is {request.state}"
            + (f" (by {request.decided_by} on {request.decided[:16]})" if request.decided else "")
            + "; only a pending request can be approved"
        )
    if request.requested_by == vault.actor.user:
        with vault.transaction():
            vault.audit.append(
                "share.approve", request.id, "denied", "the requester cannot approve"
            )
        raise PermissionDeniedError(
            f"you asked for share request {request.id}; another owner or manager must approve it"
        )
    asset = load_asset(vault, request.asset_id)
    now = now_stamp()
    if asset.version != request.asset_version:
        with vault.transaction() as conn:
            _decide(conn, request.id, "withdrawn", now, vault.actor.user)
            vault.audit.append(
                "share.approve",
                request.id,
                "denied",
                f"asked for version {request.asset_version}, now version {asset.version}",
            )
        raise InvalidInputError(
            f"{asset.id} changed since the share was asked (version {request.asset_version} -> "
            f"{asset.version}); ask again for the new version"
        )
    with vault.transaction() as conn:
        _decide(conn, request.id, "approved", now, vault.actor.user)
        vault.audit.append(
            "share.approve",
            request.id,
            reason=f"{asset.id} v{asset.version} for {request.party_id}, "
            f"asked by {request.requested_by}",
        )
    return get_share_request(vault, request.id)


def list_share_requests(vault: Vault, pending_only: bool = True) -> list[ShareRequest]:
    """Requests for copies of secret assets, newest first (pending only by default)."""
    vault.require_content("list share requests")
    found = _find(vault, "r.state = 'pending'" if pending_only else "", ())
    vault.record_listing("share.request.list", reason="pending" if pending_only else "all")
    return found


def get_share_request(vault: Vault, request_id: str) -> ShareRequest:
    vault.require_content("read share requests")
    found = _find(vault, "r.id = ?", (request_id,))
    if not found:
        raise NotFoundError(f"no share request with id {request_id}")
    return found[0]


def approval_for(vault: Vault, asset: Asset, party_id: str) -> tuple[ShareRequest | None, str]:
    """The unused approval covering a copy of `asset` for a party, or why there is none."""
    found = _find(vault, "r.asset_id = ? AND r.party_id = ?", (asset.id, party_id))
    for request in found:
        if request.usable and request.asset_version == asset.version:
            return request, ""
    what = f"{asset.id} is secret: each copy needs a second person's approval"
    if not found:
        return None, f"{what}, and nobody asked for this one (ask with a share request)"
    latest = found[0]
    if latest.state == "pending":
        return None, (
            f"{what}; request {latest.id} by {latest.requested_by} is waiting for another "
            "owner or manager to approve it"
        )
    if latest.state == "approved" and latest.used_by is not None:
        return None, f"{what}; approval {latest.id} was used by share {latest.used_by}; ask again"
    if latest.state == "approved":
        return None, (
            f"{what}; approval {latest.id} was for version {latest.asset_version}, the asset is "
            f"now version {asset.version}; ask again"
        )
    return None, f"{what}; request {latest.id} was {latest.state}; ask again"


def _find(vault: Vault, where: str, params: tuple[Any, ...]) -> list[ShareRequest]:
    sql = _SELECT + (f" WHERE {where}" if where else "") + " ORDER BY r.requested DESC, r.id"
    return [ShareRequest(*row) for row in query(vault.conn, sql, params)]


def _decide(conn: Connection, request_id: str, state: str, when: str, who: str) -> None:
    conn.execute(
        "UPDATE share_requests SET state = ?, decided = ?, decided_by = ? WHERE id = ?",
        (state, when, who, request_id),
    )
