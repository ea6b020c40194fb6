"""Keeping keys out of crash dumps: called first thing by the app's entry point.

A core dump of a running Sealroom would hold the content key, the audit key, the database key
and perhaps the password. At start the app sets its core-file limit to zero (soft and hard, so
nothing it runs can raise it again) and, on Linux, marks itself not dumpable (PR_SET_DUMPABLE 0),
which also keeps other programs of the same user from attaching a debugger or reading its memory
through /proc.
"""

from __future__ import annotations

import ctypes
import sys

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3


def harden_process() -> None:
    """No core dumps and, on Linux, not dumpable. Raises OSError if Linux refuses."""
    try:
        import resource
    except ImportError:  # Windows: no core files; crash dumps are a system setting
        return
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
            errno = ctypes.get_errno()
            raise OSError(errno, "prctl(PR_SET_DUMPABLE, 0) failed")


def is_dumpable() -> bool:
    """Whether this process may dump core (Linux); True elsewhere if the core limit allows."""
    if sys.platform.startswith("linux"):
        return bool(ctypes.CDLL(None).prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
    try:
        import resource
    except ImportError:
        return False
    return resource.getrlimit(resource.RLIMIT_CORE)[0] != 0
