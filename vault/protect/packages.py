"""Share packages: one signed, age-encrypted file of marked previews issued to one party.

Issuing a package checks the outbound rule for every asset (`outbound.authorize_outbound`,
kind "package"), renders each preview with the party's visible mark and invisible fingerprint
(recorded as shares of kind `package`, with the key epoch, so trace names the holder), signs the
manifest (`crypto.sharepkg`) with the current epoch's signing key, and encrypts it to the
party's age recipient or to a generated passphrase, which is returned once and never stored.
The file is written through `exports.export_files`: the package, its shares and the audit event
are committed before any byte is written, the partial file is 0600 and never follows a link, a
failed write removes it and records the failure, and one left by a killed run is removed at the
next unlock.

Agreements keep no terms text of their own, so a package carries the covering NDA's title and a
standard confidentiality text naming the parties, the NDA and the dates (`nda_terms`).
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sealroom.crypto import agebox, sharepkg
from sealroom.crypto.secretbytes import SecretBytes
from sealroom.crypto.watermark import MARK_VERSION, VisibleMark, WatermarkError, render_preview
from sealroom.vault import epochs, exports, wrapped_settings
from sealroom.vault.agreements.records import Agreement, load_agreement
from sealroom.vault.assets import catalog as assets
from sealroom.vault.clock import now_stamp
from sealroom.vault.errors import CorruptDataError, InvalidInputError
from sealroom.vault.media import decode as previews
from sealroom.vault.parties.directory import Party, active_party
from sealroom.vault.protect import outbound, shares
from sealroom.vault.protect.package_receipts import receipt_recipient
from sealroom.vault.protect.package_records import (
    Package,
    insert_package,
    revoked_for_party,
)
from sealroom.vault.records import new_id
from sealroom.vault.session import Vault
from sealroom.vault.store import Connection
from sealroom.vault.when import now_utc

SUFFIX = ".sealshare"
DEFAULT_DAYS = 30
DEFAULT_MAX_SIDE = shares.DEFAULT_MAX_SIDE
MAX_ASSETS = 200


@dataclass(frozen=True)
class Issued:
    """A package written to `path`; `passphrase` is shown once and kept nowhere."""

    package: Package
    path: Path
    passphrase: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {**self.package.to_json(), "path": str(self.path), "passphrase": self.passphrase}


@dataclass
class Issuer:
    """What issuing many packages of the same assets shares: the decoded pages, the keys.

    Use as a context manager; the keys are wiped on leaving."""

    vault: Vault
    max_side: int = DEFAULT_MAX_SIDE
    _pages: dict[str, list[previews.Page]] = field(default_factory=dict)
    _watermark: SecretBytes | None = None
    _signing: SecretBytes | None = None

    def __enter__(self) -> Issuer:
        self.vault.require_content("issue share packages")
        if self.max_side < shares.MIN_MAX_SIDE:
            raise InvalidInputError(f"previews need at least {shares.MIN_MAX_SIDE} pixels a side")
        self._watermark = shares.watermark_key(self.vault)
        self._signing = current_signing_key(self.vault)
        return self

    def __exit__(self, *exc: object) -> None:
        for key in (self._watermark, self._signing):
            if key is not None:
                key.wipe()
        self._pages.clear()

    def pages(self, asset_id: str) -> list[previews.Page]:
        if asset_id not in self._pages:
            self._pages[asset_id] = shares.asset_pages(self.vault, asset_id)
        return self._pages[asset_id]

    def render(self, share: shares.Share) -> list[bytes]:
        """The share's pages, marked and encoded as PNG."""
        assert self._watermark is not None
        try:
            return [
                previews.encode_png(
                    render_preview(
                        page.pixels,
                        key=bytes(self._watermark.value),
                        payload=share.mark_number,
                        visible=share.mark(),
                        max_side=share.max_side,
                        version=share.mark_version,
                    )
                )
                for page in self.pages(share.asset_id)
            ]
        except WatermarkError as exc:
            raise InvalidInputError(f"cannot make a preview of {share.asset_id}: {exc}") from None

    def issue(
        self,
        party_id: str,
        asset_ids: list[str],
        out: Path,
        *,
        not_before: datetime | None = None,
        not_after: datetime | None = None,
        passphrase: bool = False,
        override_reason: str | None = None,
        package_id: str | None = None,
    ) -> Issued:
        """Issue one package (module docstring); raises OutboundRefusedError, leaving no file,
        when the outbound rule refuses any of the assets."""
        assert self._signing is not None
        vault = self.vault
        party = active_party(vault, party_id, "receive a share package")
        asset_ids = list(dict.fromkeys(asset_ids))
        if not asset_ids:
            raise InvalidInputError("a package needs at least one asset")
        if len(asset_ids) > MAX_ASSETS:
            raise InvalidInputError(f"a package holds at most {MAX_ASSETS} assets")
        if not passphrase and not party.age_recipient:
            raise InvalidInputError(
                f"{party.name} ({party.id}) has no age recipient: record theirs (age1...) "
                "on the party, or issue with a passphrase"
            )
        start = (not_before or now_utc()).replace(microsecond=0)
        end = (not_after or start + timedelta(days=DEFAULT_DAYS)).replace(microsecond=0)
        if end <= start:
            raise InvalidInputError("the package's not-after must be later than its not-before")
        out = Path(out)
        exports.check_target(out)  # again when writing; here to refuse before rendering
        if not out.parent.is_dir():
            raise InvalidInputError(f"{out.parent} is not a folder")
        decisions = [
            outbound.authorize_outbound(
                vault, party.id, a, kind="package", override_reason=override_reason
            )
            for a in asset_ids
        ]
        package_id = package_id or new_id("pkg")
        made = [self._share(party, d.asset_id) for d in decisions]
        files: dict[str, bytes] = {}
        entries = []
        for share in made:
            asset = assets.get_asset(vault, share.asset_id)
            pages = self.render(share)
            listed = []
            for number, data in enumerate(pages, 1):
                path = f"previews/{share.asset_id}-{number}.png"
                files[path] = data
                listed.append(sharepkg.file_entry(path, data, number))
            entries.append(sharepkg.PackageAsset(asset.id, asset.title, tuple(listed)))
        nda_ids = tuple(dict.fromkeys(d.nda_id for d in decisions if d.nda_id))
        ndas = [load_agreement(vault, n) for n in nda_ids]
        title, terms = nda_terms(vault, party, ndas, sharepkg.stamp(start), sharepkg.stamp(end))
        manifest = sharepkg.Manifest(
            package_id=package_id,
            issued_at=sharepkg.stamp(now_utc()),
            sender_name=sender_name(vault),
            sender_vault=vault.header.vault_id,
            sender_key=base64.b64encode(vault.header.signing_public_key).decode(),
            recipient_name=party.name,
            recipient_party=party.id,
            recipient_age="" if passphrase else (party.age_recipient or ""),
            not_before=sharepkg.stamp(start),
            not_after=sharepkg.stamp(end),
            nda_title=title,
            nda_terms=terms,
            assets=tuple(entries),
            revoked_packages=tuple(revoked_for_party(vault, party.id)),
            receipt_recipient=receipt_recipient(vault),
        )
        body = sharepkg.build_payload(manifest, files, self._signing)
        secret = agebox.generate_passphrase() if passphrase else None
        if secret is not None:
            sealed = agebox.encrypt_with_passphrase(body, secret)
        else:
            sealed = agebox.encrypt_to_recipient(body, manifest.recipient_age)
        package = Package(
            id=package_id,
            party_id=party.id,
            asset_ids=tuple(asset_ids),
            share_ids=tuple(s.id for s in made),
            not_before=manifest.not_before,
            not_after=manifest.not_after,
            key_epoch=vault.header.key_epoch,
            protection="passphrase" if passphrase else "recipient",
            recipient_age=None if passphrase else manifest.recipient_age,
            file_name=out.name,
            nda_ids=nda_ids,
            manifest_sha256=hashlib.sha256(manifest.to_bytes()).hexdigest(),
            created=now_stamp(),
            created_by=vault.actor.user,
        )

        def record(conn: Connection) -> None:
            for share, decision in zip(made, decisions, strict=True):
                conn.execute(
                    f"INSERT INTO shares ({shares.SHARE_COLUMNS}) "
                    f"VALUES ({shares.SHARE_PLACEHOLDERS})",
                    tuple(asdict(share).values()),
                )
                shares.record_origin(conn, share.id, decision)
            insert_package(conn, package)
            vault.audit.append(
                "package.create",
                package.id,
                reason=f"to {party.name}, {len(made)} assets, file {out.name}",
                public=f"for {party.id}; assets {', '.join(asset_ids)}; shares "
                f"{', '.join(package.share_ids)}; {package.protection}",
            )

        exports.export_files(
            vault,
            [exports.data_output(out, sealed)],
            record,
            action="package.create",
            obj=package.id,
        )
        return Issued(package, out, secret)

    def _share(self, party: Party, asset_id: str) -> shares.Share:
        asset = assets.get_asset(self.vault, asset_id)
        code = shares.new_share_code()
        mark = VisibleMark(
            recipient=party.name,
            organisation=party.organisation or party.kind,
            date=now_utc().strftime("%Y-%m-%d"),
            share_code=code,
        )
        return shares.Share(
            id=new_id("shr"),
            kind="package",
            asset_id=asset.id,
            asset_version=asset.version,
            party_id=party.id,
            mark_number=shares.new_mark_number(self.vault),
            share_code=code,
            max_side=self.max_side,
            visible_mark=json.dumps(asdict(mark)),
            created=now_stamp(),
            created_by=self.vault.actor.user,
            key_epoch=self.vault.header.key_epoch,
            mark_version=MARK_VERSION,
        )


def issue_package(
    vault: Vault,
    party_id: str,
    asset_ids: list[str],
    out: Path,
    *,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
    passphrase: bool = False,
    override_reason: str | None = None,
    max_side: int = DEFAULT_MAX_SIDE,
) -> Issued:
    """Issue one package to one party (module docstring)."""
    with Issuer(vault, max_side) as issuer:
        return issuer.issue(
            party_id,
            asset_ids,
            out,
            not_before=not_before,
            not_after=not_after,
            passphrase=passphrase,
            override_reason=override_reason,
        )


def current_signing_key(vault: Vault) -> SecretBytes:
    """The current epoch's signing key, checked against the vault header's public key."""
    assert vault.keys.content is not None
    key = wrapped_settings.load(
        vault.conn, wrapped_settings.SIGNING_KEY, vault.keys.content, vault.header.vault_id
    )
    if key is None:
        raise CorruptDataError("vault database has no signing key")
    if epochs.signing_public_key(key) != vault.header.signing_public_key:
        key.wipe()
        raise CorruptDataError("vault database's signing key does not match the vault header")
    return key


def sender_name(vault: Vault) -> str:
    """The vault's name (its folder, without the suffix) and the person issuing."""
    name = vault.folder.name.removesuffix(".sealroom") or vault.header.vault_id
    return f"{name} ({vault.actor.user})"


def nda_terms(
    vault: Vault, party: Party, ndas: list[Agreement], not_before: str, not_after: str
) -> tuple[str, str]:
    """The NDA title and terms a package carries: the covering NDAs' titles, and the standard
    confidentiality text naming the parties, the NDAs and the dates."""
    sender = sender_name(vault)
    if ndas:
        title = "; ".join(n.title for n in ndas)
        under = "; ".join(
            f"'{n.title}' ({n.id}), effective {n.effective[:10]}"
            + (f", expiring {n.expires[:10]}" if n.expires else "")
            for n in ndas
        )
        basis = f"These previews are disclosed under the non-disclosure agreement {under}."
    else:
        title = "Confidentiality terms"
        basis = "These previews are disclosed in confidence."
    terms = (
        f"{basis} Between {sender} (the sender) and {party.name}"
        + (f" of {party.organisation}" if party.organisation else "")
        + f" (the recipient). The recipient may view these previews from {not_before} until "
        f"{not_after} (UTC), keeps them confidential, does not copy, photograph, record, "
        "forward or publish them, and shows them to nobody outside the recipient's own team "
        "bound by the same terms. Each preview carries marks that identify the recipient."
    )
    return title, terms
