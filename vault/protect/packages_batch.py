"""Batch issuance: the same assets to many parties, one package each, and a ledger of who got what.

The assets are decoded once; each party's previews are marked for that party. A party the
outbound rule refuses is listed in the result and the batch goes on with the others. Cancelling
stops before the next party: every package already written is recorded and in the ledger. The
ledger (CSV, written beside the packages through `exports.export_files` like every package: 0600,
recorded in the audit log before it is written) lists package id, party, file name, whether a
passphrase must be delivered separately, and the window; it never holds a passphrase.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sealroom.vault import exports
from sealroom.vault.errors import InvalidInputError, SealroomError
from sealroom.vault.parties.directory import get_party
from sealroom.vault.protect.outbound import OutboundRefusedError
from sealroom.vault.protect.packages import (
    DEFAULT_MAX_SIDE,
    SUFFIX,
    Issued,
    Issuer,
)
from sealroom.vault.records import new_id
from sealroom.vault.session import Vault
from sealroom.vault.store import Connection
from sealroom.vault.when import now_utc

BatchProgress = Callable[[int, int], None]
"""Called with (parties done, parties in all) after each party."""
LEDGER_HEADER = (
    "package_id",
    "party_id",
    "party_name",
    "file_name",
    "passphrase_delivered_separately",
    "not_before",
    "not_after",
)
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class BatchResult:
    issued: list[Issued] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    """(party id, the outbound rule's one-line reason) for each party refused."""
    ledger: Path | None = None
    cancelled: bool = False
    stopped: str | None = None
    """Why the batch stopped before the other parties (a package that could not be made or
    written, e.g. a full disk); the packages written before it are recorded and in the ledger."""


def package_file_name(party_name: str, package_id: str) -> str:
    safe = _UNSAFE_NAME.sub("-", party_name).strip("-.")[:40] or "party"
    return f"{safe}-{package_id}{SUFFIX}"


def issue_batch(
    vault: Vault,
    party_ids: list[str],
    asset_ids: list[str],
    out_dir: Path,
    *,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
    passphrase: bool = False,
    override_reason: str | None = None,
    max_side: int = DEFAULT_MAX_SIDE,
    progress: BatchProgress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BatchResult:
    """One package per party into `out_dir`, then the ledger (module docstring)."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise InvalidInputError(f"{out_dir} is not a folder; create it first")
    party_ids = list(dict.fromkeys(party_ids))
    if not party_ids:
        raise InvalidInputError("name at least one party")
    parties = [get_party(vault, p) for p in party_ids]  # unknown ids refused before any work
    keyless = [f"{p.name} ({p.id})" for p in parties if not passphrase and not p.age_recipient]
    if keyless:
        more = f" and {len(keyless) - 5} more" if len(keyless) > 5 else ""
        names = ", ".join(keyless[:5]) + more
        verb = "has" if len(keyless) == 1 else "have"
        raise InvalidInputError(
            f"{names} {verb} no age recipient: record theirs (age1...) on the party, "
            "or issue with a passphrase"
        )
    result = BatchResult()
    start = not_before or now_utc()
    with Issuer(vault, max_side) as issuer:
        for done, party in enumerate(parties):
            if cancelled is not None and cancelled():
                result.cancelled = True
                break
            package_id = new_id("pkg")
            try:
                issued = issuer.issue(
                    party.id,
                    asset_ids,
                    out_dir / package_file_name(party.name, package_id),
                    package_id=package_id,
                    not_before=start,
                    not_after=not_after,
                    passphrase=passphrase,
                    override_reason=override_reason,
                )
            except OutboundRefusedError as exc:
                result.refused.append((party.id, str(exc)))
            except SealroomError as exc:
                result.stopped = f"stopped at {party.name} ({party.id}): {exc}"
                break
            else:
                result.issued.append(issued)
            if progress is not None:
                progress(done + 1, len(parties))
    if result.issued:
        try:
            result.ledger = write_ledger(vault, result.issued, out_dir)
        except SealroomError as exc:
            if result.stopped is None:
                raise
            result.stopped += f"; the ledger could not be written either: {exc}"
    return result


def write_ledger(vault: Vault, issued: list[Issued], out_dir: Path) -> Path:
    """The ledger CSV beside the packages; cells that a spreadsheet would run as a formula are
    quoted with a leading apostrophe."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(LEDGER_HEADER)
    for item in issued:
        package = item.package
        name = get_party(vault, package.party_id).name
        writer.writerow(
            [
                package.id,
                package.party_id,
                _cell(name),
                _cell(item.path.name),
                "yes" if package.protection == "passphrase" else "no",
                package.not_before,
                package.not_after,
            ]
        )
    stamp = now_utc().strftime("%Y%m%d-%H%M%S")
    target = out_dir / f"ledger-{stamp}-{os.urandom(2).hex()}.csv"

    def record(_conn: Connection) -> None:
        vault.audit.append(
            "package.ledger",
            reason=f"{len(issued)} packages listed in {target.name}",
            public=f"{len(issued)} packages: {', '.join(i.package.id for i in issued)}",
        )

    data = text.getvalue().encode("utf-8")
    exports.export_files(
        vault, [exports.data_output(target, data)], record, action="package.ledger", obj=""
    )
    return target


def _cell(text: str) -> str:
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
