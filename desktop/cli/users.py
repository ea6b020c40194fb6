"""`sealroom init` and `sealroom user ...`: the vault and the people who can unlock it."""

from __future__ import annotations

import argparse

from sealroom.cli.output import done, print_json, print_table
from sealroom.cli.session import add_common, open_vault, read_new_password, vault_folder
from sealroom.crypto.keyslots import Role
from sealroom.vault import users
from sealroom.vault.session import Vault


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("init", help="create a vault")
    add_common(p)
    p.set_defaults(handler=cmd_init)
    p.set_defaults(user_required=True)

    user = sub.add_parser("user", help="people who can unlock the vault").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = user.add_parser("add", help="add a person")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=["owner", "manager", "auditor"])
    add_common(p)
    p.set_defaults(handler=cmd_user_add)
    p = user.add_parser("passwd", help="change a password (yours by default)")
    p.add_argument("name", nargs="?")
    add_common(p)
    p.set_defaults(handler=cmd_user_passwd)
    p = user.add_parser("remove", help="remove a person and rotate the keys they held")
    p.add_argument("name")
    add_common(p)
    p.set_defaults(handler=cmd_user_remove)
    p = user.add_parser("list", help="list people and roles")
    add_common(p)
    p.set_defaults(handler=cmd_user_list)


def cmd_init(args: argparse.Namespace) -> int:
    password = read_new_password(args.user)
    users.check_new_password(password)
    with Vault.create(vault_folder(args.vault), args.user, password) as vault:
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
