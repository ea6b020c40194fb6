"""The frozen app's entry point (PyInstaller runs a script, not a console-script entry)."""

import sys

from sealroom.desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
