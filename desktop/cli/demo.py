"""`sealroom demo`: a realistic talent agency's vault, filled, to explore."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from sealroom.cli.output import print_json
from sealroom.cli.session import NEW_PASSWORD_ENV
from sealroom.vault import users


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="create a realistic demo vault")
    p.add_argument("--vault", required=True, metavar="DIR", help="folder for the new vault")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from sealroom.vault.demo import (
        build as demo,  # numpy and the sample images: only for this command
    )

    password = os.environ.get(NEW_PASSWORD_ENV) or demo.DEFAULT_PASSWORD
    users.check_new_password(password)
    summary = demo.build_demo(Path(args.vault), password)
    shown = password if password == demo.DEFAULT_PASSWORD else f"(the one in ${NEW_PASSWORD_ENV})"
    if args.json:
        print_json(
            {
                "vault": str(summary.folder),
                "user": summary.user,
                "second_user": demo.SECOND_MANAGER,
                "password": password if password == demo.DEFAULT_PASSWORD else None,
                "parties": summary.parties,
                "campaigns": summary.campaigns,
                "agreements": summary.agreements,
                "assets": summary.assets,
                "grants": summary.grants,
                "exceptions": summary.exceptions,
                "seconds": round(summary.seconds, 1),
            }
        )
        return 0
    print(
        f"created a demo vault at {summary.folder} in {summary.seconds:.1f} s: "
        f"{summary.parties} parties, {summary.campaigns} campaigns, "
        f"{summary.agreements} agreements, {summary.assets} assets, "
        f"{summary.grants} grants ({summary.exceptions} exceptions)"
    )
    print(f"user: {summary.user}")
    print(f"password: {shown}")
    print(f"second manager, to approve the secret asset's release: {demo.SECOND_MANAGER}"
          " (same password)")
    print(f"try: sealroom dashboard --vault {summary.folder}")
    return 0
