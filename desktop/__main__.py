"""Entry point: no arguments starts the GUI; a subcommand runs the command line; a vault folder
or share package opens in the GUI (see `launch`)."""

import sys


def main() -> int:
    from sealroom.desktop.launch import dispatch

    return dispatch(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
