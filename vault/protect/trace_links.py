"""What a traced share links to: the share itself, the package it went out in, and what it was
issued under (the grant and the NDA, or the owner's override of the outbound rule).

The grant, NDA, approval and override are those the outbound decision recorded when the share
was issued (`shares.record_origin`); a share issued before they were recorded says so
(`recorded` is False) rather than guessing from today's grants. The package is found from the
package records, which list their shares.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sealroom.vault.session import Vault
from sealroom.vault.store import query

_BATCH = 500


@dataclass(frozen=True)
class ShareLinks:
    """The share a trace candidate was marked for, and what it was issued under."""

    share_id: str
    share_code: str
    """The code printed in the share's visible mark."""
    kind: str
    """file (a preview written to disk) or package (a share package)."""
    issued: str
    """When the share was issued (UTC stamp)."""
    issued_by: str
    """The vault member who issued it."""
    package_id: str | None = None
    """The share package it went out in (None for a preview file)."""
    revoked: str | None = None
    recorded: bool = False
    """Whether the grant, NDA and override were recorded at issue (False: an older share)."""
    grant_id: str | None = None
    grant_level: str = ""
    """preview or original."""
    grant_target: str = ""
    """The title of the asset or the name of the campaign the grant is to."""
    nda_id: str | None = None
    nda_title: str = ""
    approval_id: str | None = None
    """A second person's approval of a copy of a secret asset."""
    exception_id: str | None = None
    """The owner's override of the outbound rule the share was issued under."""

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def share_links(vault: Vault, share_ids: Iterable[str]) -> dict[str, ShareLinks]:
    """The links of each share that exists, by share id (no audit event: for use-cases)."""
    vault.require_content("read what shares were issued under")
    wanted = list(dict.fromkeys(share_ids))
    found: dict[str, ShareLinks] = {}
    for start in range(0, len(wanted), _BATCH):
        batch = wanted[start : start + _BATCH]
        marks = ",".join("?" * len(batch))
        packages = _packages_of(vault, batch)
        sql = (
            "SELECT s.id, s.share_code, s.kind, s.created, s.created_by, s.revoked,"
            " o.share_id IS NOT NULL, o.grant_id, coalesce(g.level, ''),"
            " coalesce(a.title, c.name, ''), o.nda_id, coalesce(n.title, ''),"
            " o.approval_id, o.exception_id"
            " FROM shares s LEFT JOIN share_origins o ON o.share_id = s.id"
            " LEFT JOIN grants g ON g.id = o.grant_id"
            " LEFT JOIN assets a ON a.id = g.asset_id"
            " LEFT JOIN campaigns c ON c.id = g.campaign_id"
            " LEFT JOIN agreements n ON n.id = o.nda_id"
            f" WHERE s.id IN ({marks})"
        )
        for row in query(vault.conn, sql, tuple(batch)):
            share_id = str(row[0])
            found[share_id] = ShareLinks(
                share_id=share_id,
                share_code=str(row[1]),
                kind=str(row[2]),
                issued=str(row[3]),
                issued_by=str(row[4]),
                package_id=packages.get(share_id),
                revoked=row[5],
                recorded=bool(row[6]),
                grant_id=row[7],
                grant_level=str(row[8]),
                grant_target=str(row[9]),
                nda_id=row[10],
                nda_title=str(row[11]),
                approval_id=row[12],
                exception_id=row[13],
            )
    return found


def _packages_of(vault: Vault, share_ids: list[str]) -> dict[str, str]:
    """The package each of the shares went out in (package records list their share ids)."""
    marks = ",".join("?" * len(share_ids))
    sql = (
        "SELECT j.value, p.id FROM packages p, json_each(p.share_ids) j"
        f" WHERE p.party_id IN (SELECT party_id FROM shares WHERE id IN ({marks}))"
        f" AND j.value IN ({marks})"
    )
    rows = query(vault.conn, sql, (*share_ids, *share_ids))
    return {str(share): str(package) for share, package in rows}
