"""Entry point: no arguments starts the GUI; a subcommand runs the command line.

Before anything else (and before any key exists in memory) the process is hardened: no core
dumps, not dumpable (see `sealroom.crypto.hygiene`)."""

import sys


def main() -> int:
    from sealroom.crypto.hygiene import harden_process

    harden_process()
    from sealroom.desktop.cli import run_cli

    return run_cli(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
