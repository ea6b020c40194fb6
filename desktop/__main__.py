"""Entry point: no arguments starts the GUI; a subcommand runs the command line; a vault folder
or share package opens in the GUI (see `launch`).

Before anything else (and before any key exists in memory) the process is hardened: no core
dumps, not dumpable (see `sealroom.crypto.hygiene`)."""

import sys


def main() -> int:
    from sealroom.crypto.hygiene import harden_process

    harden_process()
    from sealroom.desktop.launch import dispatch

    return dispatch(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
