"""Entry point: no arguments starts the GUI; a subcommand runs the command line."""

import sys


def main() -> int:
    argv = sys.argv[1:]
    if not argv:
        from sealroom.desktop.app import run_gui

        return int(run_gui())
    from sealroom.cli.main import run_cli

    return run_cli(argv)


if __name__ == "__main__":
    sys.exit(main())
