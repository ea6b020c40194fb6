"""`sealroom share ...` (share packages) and `sealroom identity new` (a partner's key)."""

from __future__ import annotations

import argparse
import hashlib
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sealroom.cli.options import DATE_HELP, many, when, zone_option
from sealroom.cli.output import done, print_json, print_table
from sealroom.cli.session import (
    add_common,
    open_vault,
    read_new_password,
    read_password,
    read_password_file,
)
from sealroom.crypto import agebox, sharepkg
from sealroom.crypto.errors import PackageError
from sealroom.crypto.identity import create_identity, read_identity, unlock_identity, write_identity
from sealroom.vault.errors import InvalidInputError, SealroomError
from sealroom.vault.partner.opening import read_package_file
from sealroom.vault.protect import package_receipts, package_records, packages, packages_batch

MAX_RECEIPT_FILE = 64 * 1024


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    share = sub.add_parser(
        "share", help="signed, encrypted share packages for partners", epilog=DATE_HELP
    ).add_subparsers(dest="action", metavar="ACTION", required=True)
    p = share.add_parser("create", help="issue share packages", epilog=DATE_HELP)
    many(p, "--party", "ID", "the recipient party (several: one package each)")
    many(p, "--asset", "ID", "an asset to put in the package")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", metavar="FILE", help="the package file (one party)")
    target.add_argument(
        "--out-dir", metavar="DIR", help="a folder for one package per party and the ledger"
    )
    p.add_argument("--not-before", metavar="T", help="opens from (default: now)")
    p.add_argument("--not-after", metavar="T", help="expires at (default: 30 days later)")
    zone_option(p)
    p.add_argument(
        "--passphrase",
        action="store_true",
        help="seal with a generated six-word passphrase (printed once, kept nowhere)",
    )
    p.add_argument(
        "--override-reason",
        metavar="TEXT",
        help="owner only: issue although the outbound rule refuses; recorded as an exception",
    )
    add_common(p)
    p.set_defaults(handler=cmd_share_create)

    p = share.add_parser("inspect", help="verify a package and print its manifest (no preview)")
    p.add_argument("file", metavar="FILE")
    key = p.add_mutually_exclusive_group(required=True)
    key.add_argument(
        "--identity",
        metavar="F",
        help="your identity file (its password: --password-file or $SEALROOM_PASSWORD)",
    )
    key.add_argument("--passphrase-file", metavar="F", help="a file holding the passphrase")
    p.add_argument("--password-file", metavar="F", help="the identity's password")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_share_inspect)

    p = share.add_parser("revoke", help="revoke a package (later packages carry its id)")
    p.add_argument("id", metavar="ID")
    p.add_argument("--reason", default="", help="why (kept sealed in the audit log)")
    add_common(p)
    p.set_defaults(handler=cmd_share_revoke)

    p = share.add_parser("list", help="issued packages and their status")
    p.add_argument("--party", metavar="ID", help="only this party's")
    add_common(p)
    p.set_defaults(handler=cmd_share_list)

    receipt = share.add_parser("receipt", help="partners' acknowledgement receipts").add_subparsers(
        dest="receipt_action", metavar="ACTION", required=True
    )
    p = receipt.add_parser("import", help="record a partner's receipt")
    p.add_argument("file", metavar="FILE")
    add_common(p)
    p.set_defaults(handler=cmd_receipt_import)

    identity = sub.add_parser("identity", help="a partner's key for share packages").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = identity.add_parser(
        "new",
        help="create an identity file under a password ($SEALROOM_NEW_PASSWORD or a prompt) "
        "and print its age1 recipient for the sender",
    )
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_identity_new)


def _instant(args: argparse.Namespace, text: str | None, what: str, end: bool) -> datetime | None:
    found = when(args, text, what, end=end)
    return found.utc.astimezone(UTC) if found is not None else None


def cmd_share_create(args: argparse.Namespace) -> int:
    if not args.party or not args.asset:
        raise InvalidInputError("name at least one --party and one --asset")
    start = _instant(args, args.not_before, "--not-before", False)
    end = _instant(args, args.not_after, "--not-after", True)
    if args.out and len(set(args.party)) > 1:
        raise InvalidInputError("several parties need --out-dir (one package each)")
    options: dict[str, Any] = {
        "not_before": start,
        "not_after": end,
        "passphrase": args.passphrase,
        "override_reason": args.override_reason,
    }
    with open_vault(args) as vault:
        if args.out:
            issued = [
                packages.issue_package(vault, args.party[0], args.asset, Path(args.out), **options)
            ]
            refused: list[tuple[str, str]] = []
            ledger = None
            stopped = None
        else:
            progress = _progress(args)
            result = packages_batch.issue_batch(
                vault, args.party, args.asset, Path(args.out_dir), progress=progress, **options
            )
            if progress is not None:
                print(file=sys.stderr)
            issued, refused, ledger = result.issued, result.refused, result.ledger
            stopped = result.stopped
    if args.json:
        print_json(
            {
                "packages": [i.to_json() for i in issued],
                "refused": [{"party_id": p, "error": e} for p, e in refused],
                "ledger": str(ledger) if ledger else None,
                "stopped": stopped,
            }
        )
    else:
        for item in issued:
            package = item.package
            print(
                f"wrote {item.path}: package {package.id} for {package.party_id}, "
                f"{package.not_before} to {package.not_after}"
            )
            if item.passphrase:
                print(f"  passphrase (shown once; send it separately): {item.passphrase}")
        if ledger:
            print(f"ledger: {ledger}")
    if stopped:
        raise SealroomError(
            f"{stopped} ({len(issued)} packages written before it are recorded"
            + (f" and in the ledger {ledger})" if ledger else ")")
        )
    if refused:
        reasons = "; ".join(f"{party_id}: {error}" for party_id, error in refused)
        raise InvalidInputError(
            f"{len(refused)} of {len(set(args.party))} parties were refused "
            f"(the others' packages are written): {reasons}"
        )
    return 0


def _progress(args: argparse.Namespace) -> packages_batch.BatchProgress | None:
    if args.json or not sys.stderr.isatty():
        return None
    return lambda n, total: print(f"\r{n}/{total} packages", end="", file=sys.stderr)


def cmd_share_inspect(args: argparse.Namespace) -> int:
    data = read_package_file(Path(args.file))
    if args.passphrase_file:
        phrase = read_password_file(Path(args.passphrase_file), "passphrase file").strip()
        payload = agebox.decrypt_with_passphrase(data, phrase)
    else:
        identity = read_identity(Path(args.identity))
        secret = unlock_identity(identity, read_password(args.password_file, "the identity"))
        try:
            payload = agebox.decrypt_with_identity(data, secret)
        finally:
            secret[:] = bytes(len(secret))
    opened = sharepkg.open_payload(payload)
    manifest = opened.manifest
    now = datetime.now(UTC)
    try:
        sharepkg.check_window(manifest, now)
        window = "open"
    except PackageError as exc:
        window = str(exc)
    fingerprint = sharepkg.key_fingerprint(manifest.sender_public_key)
    if args.json:
        print_json(
            {
                "signature": "valid",
                "sender_fingerprint": fingerprint,
                "manifest_sha256": hashlib.sha256(opened.manifest_bytes).hexdigest(),
                "window": window,
                "manifest": _manifest_json(manifest),
            }
        )
        return 0
    print(f"package {manifest.package_id}: signature valid")
    print(f"sender: {manifest.sender_name} ({manifest.sender_vault}), key {fingerprint}")
    print(f"recipient: {manifest.recipient_name} ({manifest.recipient_party})")
    print(f"window: {manifest.not_before} to {manifest.not_after} (UTC): {window}")
    print(f"NDA: {manifest.nda_title}")
    if manifest.revoked_packages:
        print(f"revokes: {', '.join(manifest.revoked_packages)}")
    rows = [(a.asset_id, a.title, len(a.files)) for a in manifest.assets]
    print_table(["ASSET", "TITLE", "PAGES"], rows)
    return 0


def _manifest_json(manifest: sharepkg.Manifest) -> dict[str, Any]:
    return asdict(manifest)


def cmd_share_revoke(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        package = package_records.revoke_package(vault, args.id, args.reason)
    done(
        args,
        package.to_json(),
        f"revoked {package.id}; later packages to {package.party_id} carry its id",
    )
    return 0


def cmd_share_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        found = package_records.list_packages(vault, args.party)
    if args.json:
        print_json([p.to_json() for p in found])
    else:
        rows = [
            (
                p.id,
                p.party_id,
                p.status,
                p.not_before[:10],
                p.not_after[:10],
                p.protection,
                len(p.asset_ids),
                p.accepted,
            )
            for p in found
        ]
        print_table(
            ["ID", "PARTY", "STATUS", "FROM", "UNTIL", "SEALED", "ASSETS", "ACCEPTED"], rows
        )
    return 0


def cmd_receipt_import(args: argparse.Namespace) -> int:
    data = read_package_file(Path(args.file), MAX_RECEIPT_FILE + 1)
    with open_vault(args) as vault:
        package = package_receipts.import_receipt(vault, data)
    done(
        args,
        package.to_json(),
        f"recorded: {package.party_id} accepted package {package.id} at {package.accepted}",
    )
    return 0


def cmd_identity_new(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.exists() or out.is_symlink():
        raise InvalidInputError(f"{out} already exists; choose another file")
    password = read_new_password("the identity")
    if len(password) < 8:
        raise InvalidInputError("choose an identity password of at least 8 characters")
    identity, secret = create_identity(password)
    secret[:] = bytes(len(secret))
    write_identity(out, identity)
    done(
        args,
        {"file": str(out), "recipient": identity.recipient},
        f"{identity.recipient}\n(written {out}; send the line above to the sender)",
    )
    return 0
