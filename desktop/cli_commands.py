"""The command-line subcommands: each unlocks the vault, calls one use-case, prints the result."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sealroom.crypto.keyslots import Role
from sealroom.desktop.cli_io import (
    human_size,
    print_json,
    print_table,
    read_new_password,
    read_password,
)
from sealroom.vault import users
from sealroom.vault.assets import catalog as assets
from sealroom.vault.audit import AuditEvent
from sealroom.vault.audit_detail import SEALED
from sealroom.vault.errors import InvalidInputError
from sealroom.vault.layout import read_header
from sealroom.vault.parties import directory as parties
from sealroom.vault.session import Vault
from sealroom.vault.verify import verify_vault
from sealroom.vault.when import parse_when

Handler = Callable[[argparse.Namespace], int]


def open_vault(args: argparse.Namespace) -> Vault:
    folder = Path(args.vault)
    user = args.user
    if user is None:
        names = [name for name, _ in read_header(folder).users()]
        if len(names) != 1:
            raise InvalidInputError(
                f"this vault has {len(names)} users ({', '.join(names)}); choose one with --user"
            )
        user = names[0]
    vault = Vault.unlock(folder, user, read_password(args.password_file, user))
    for warning in vault.warnings:  # a vault that went backwards: said before anything else
        print(warning, file=sys.stderr)
    for notice in vault.notices:  # what the unlock repaired, e.g. an interrupted export
        print(f"note: {notice}", file=sys.stderr)
    return vault


def cmd_init(args: argparse.Namespace) -> int:
    password = read_new_password(args.user)
    users.check_new_password(password)
    with Vault.create(Path(args.vault), args.user, password) as vault:
        vault_id = vault.header.vault_id
    if args.json:
        print_json({"id": vault_id, "vault": str(args.vault), "user": args.user})
    else:
        print(f"created vault {vault_id} at {args.vault} with owner {args.user}")
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.require_owner("add people to the vault")
        user = users.add_user(vault, args.name, Role(args.role), read_new_password(args.name))
    done(args, {"id": user.name, "role": user.role.value}, f"added {user.name} ({user.role})")
    return 0


def cmd_user_passwd(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        name = args.name or vault.actor.user
        users.change_password(vault, name, read_new_password(name))
    done(args, {"id": name}, f"password changed for {name}")
    return 0


def cmd_user_remove(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        users.remove_user(vault, args.name)
    done(args, {"id": args.name}, f"removed {args.name}; the vault keys they held were rotated")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        found = users.list_users(vault)
    if args.json:
        print_json([{"name": u.name, "role": u.role.value} for u in found])
    else:
        print_table(["NAME", "ROLE"], [(u.name, u.role.value) for u in found])
    return 0


def cmd_asset_import(args: argparse.Namespace) -> int:
    """Import files, all or nothing; a file already in the vault is refused with the option
    that keeps it as a new version."""
    if args.title and len(args.files) > 1:
        raise InvalidInputError("--title names one file; import several files without it")
    embargo = None
    if args.embargo_until is not None:
        embargo = parse_when(args.embargo_until, args.zone, what="embargo time")
    options = assets.ImportOptions(
        title=args.title,
        campaign_id=args.campaign,
        sensitivity=args.sensitivity,
        embargo_until=embargo,
        tags=tuple(args.tag),
        new_version_of=args.new_version_of,
        note=args.note,
    )
    with open_vault(args) as vault:
        try:
            imported = assets.import_files(vault, [Path(f) for f in args.files], options)
        except assets.DuplicateAssetError as exc:
            raise InvalidInputError(
                f"{exc.path.name} is already in the vault as {exc.existing.id} "
                f"'{exc.existing.title}' (version {exc.version}); nothing was imported. "
                f"To keep it as a new version of an asset, rerun with --new-version-of ID "
                f"(e.g. --new-version-of {exc.existing.id})"
            ) from None
    if args.json:
        print_json([a.to_json() for a in imported] if len(imported) > 1 else imported[0].to_json())
    else:
        for a in imported:
            what = f"version {a.version} of {a.id}" if args.new_version_of else a.id
            embargoed = f", embargoed until {a.embargo_display}" if a.embargoed else ""
            print(f"imported {a.original_name} as {what} ({human_size(a.size)}{embargoed})")
    return 0


def cmd_asset_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        found = assets.list_assets(vault, args.campaign, args.tag)
    if args.json:
        print_json([a.to_json() for a in found])
    else:
        rows = [
            (
                a.id,
                a.title,
                a.kind,
                human_size(a.size),
                a.sensitivity,
                a.embargo_display if a.embargoed else None,
                a.version,
                a.created[:16],
            )
            for a in found
        ]
        headers = ["ID", "TITLE", "KIND", "SIZE", "SENSITIVITY", "EMBARGO", "V", "IMPORTED"]
        print_table(headers, rows)
    return 0


def cmd_asset_export(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        out = assets.export_asset(vault, args.id, Path(args.out), version=args.version)
    done(args, {"id": args.id, "out": str(out)}, f"exported {args.id} to {out}")
    return 0


def cmd_asset_delete(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        assets.delete_asset(vault, args.id)
    done(args, {"id": args.id}, f"deleted {args.id}")
    return 0


def cmd_party_add(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        party = parties.add_party(vault, args.name, args.kind, args.email, args.org, args.handle)
    done(args, party.to_json(), f"added {party.kind} {party.name} as {party.id}")
    return 0


def cmd_party_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        found = parties.list_parties(vault)
    if args.json:
        print_json([p.to_json() for p in found])
    else:
        rows = [(p.id, p.name, p.kind, p.mention, p.email, p.organisation) for p in found]
        print_table(["ID", "NAME", "KIND", "HANDLE", "EMAIL", "ORGANISATION"], rows)
    return 0


def cmd_party_edit(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        party = parties.edit_party(
            vault,
            args.id,
            name=args.name,
            kind=args.kind,
            email=args.email,
            organisation=args.org,
            handle=args.handle,
        )
    done(args, party.to_json(), f"updated {party.id}")
    return 0


def cmd_party_delete(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        party = parties.delete_party(vault, args.id, args.reason)
    done(args, party.to_json(), f"deleted {party.name} ({party.id}); its active grants are revoked")
    return 0


def cmd_audit_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        events = vault.audit.events(limit=args.limit)
        with vault.transaction():
            vault.audit.append("audit.list", reason=f"limit {args.limit}")
    if args.json:
        print_json([e.to_json() for e in events])
    else:
        rows = [
            (
                e.seq,
                e.time[:19].replace("T", " "),
                e.actor,
                e.action,
                e.object,
                e.outcome,
                _detail(e),
            )
            for e in events
        ]
        print_table(["SEQ", "TIME (UTC)", "ACTOR", "ACTION", "OBJECT", "OUTCOME", "DETAIL"], rows)
    return 0


def _detail(event: AuditEvent) -> str:
    """The reason, and a mark where free text is sealed from this reader (an auditor)."""
    if not event.detail:
        return event.reason
    return f"{event.reason} {SEALED}".strip()


def cmd_verify(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        report = verify_vault(vault)
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "problems": report.problems,
                "content_checked": report.content_checked,
                "blobs_checked": report.blobs_checked,
                "events_checked": report.events_checked,
                "checkpoints_checked": report.checkpoints_checked,
            }
        )
    else:
        scope = "vault" if report.content_checked else "audit log (auditor: content not checked)"
        for problem in report.problems:
            print(f"problem: {problem}")
        print(
            f"{'OK' if report.ok else 'FAILED'}: {scope}; {report.blobs_checked} blobs, "
            f"{report.events_checked} audit events, {report.checkpoints_checked} signed checkpoints"
        )
    return 0 if report.ok else 1


def done(args: argparse.Namespace, data: dict[str, Any], message: str) -> None:
    """Print `data` as JSON with --json, else the one-line `message`."""
    if args.json:
        print_json(data)
    else:
        print(message)
