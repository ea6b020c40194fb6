"""Entry point: no arguments starts the GUI; a subcommand runs the command line."""

import sys


def main() -> int:
    from sealroom.desktop.cli import run_cli

    return run_cli(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
