"""`sealroom` for the test suite: the real entry point, with the test-only key derivation on."""

import sys

from sealroom.crypto import kdf
from sealroom.desktop.__main__ import main

if __name__ == "__main__":
    kdf.enable_test_parameters()
    sys.exit(main())
