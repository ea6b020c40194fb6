"""`sealroom preview export`: a preview marked for one party, visibly and invisibly."""

from __future__ import annotations

import argparse
from pathlib import Path

from sealroom.cli import share_requests
from sealroom.cli.options import bounded
from sealroom.cli.output import print_json
from sealroom.cli.session import add_common, open_vault
from sealroom.vault.protect import shares

MAX_SIDE = 16_384


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    preview = sub.add_parser("preview", help="watermarked previews").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = preview.add_parser(
        "export",
        help="write a preview marked for one party (visible and invisible) and record the share",
    )
    p.add_argument("--asset", required=True, metavar="ID")
    p.add_argument("--party", required=True, metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE", help=".png, .jpg or .pdf")
    p.add_argument(
        "--max-side",
        type=bounded(1, MAX_SIDE),
        default=shares.DEFAULT_MAX_SIDE,
        metavar="N",
        help=f"longest side in pixels (default {shares.DEFAULT_MAX_SIDE})",
    )
    p.add_argument(
        "--no-visible-mark",
        action="store_true",
        help="owner only: invisible fingerprint only (the visible mark deters; keep it if unsure)",
    )
    p.add_argument(
        "--override-reason",
        metavar="TEXT",
        help="owner only: issue although the outbound rule refuses; recorded as an exception",
    )
    add_common(p)
    p.set_defaults(handler=cmd_preview_export)
    share_requests.add_commands(preview)


def cmd_preview_export(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        share, files = shares.export_preview(
            vault,
            args.asset,
            args.party,
            Path(args.out),
            args.max_side,
            visible=not args.no_visible_mark,
            override_reason=args.override_reason,
        )
    if args.json:
        print_json({**share.to_json(), "files": [str(f) for f in files]})
    else:
        names = ", ".join(str(f) for f in files)
        print(f"wrote {names}: share {share.id} (code {share.share_code}) for {share.party_id}")
    return 0
