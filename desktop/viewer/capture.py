"""Asking the operating system to keep a window out of screenshots and screen recordings.

Windows: SetWindowDisplayAffinity(WDA_EXCLUDEFROMCAPTURE). macOS: NSWindow.sharingType =
NSWindowSharingNone. Linux (X11 and Wayland) offers no such request: the viewer says so.
A phone pointed at the screen defeats all of these; the invisible fingerprint is what traces.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtWidgets import QWidget

from sealroom.desktop.i18n import translate

WDA_EXCLUDEFROMCAPTURE = 0x11
NS_WINDOW_SHARING_NONE = 0


def exclude_from_capture(window: QWidget) -> str:
    """Ask the OS to exclude `window` from capture; returns a sentence saying what happened."""
    try:
        if sys.platform == "win32":
            user32 = ctypes.windll.user32  # type: ignore[attr-defined]
            if user32.SetWindowDisplayAffinity(int(window.winId()), WDA_EXCLUDEFROMCAPTURE):
                return translate(
                    "Capture", "This window is hidden from screenshots and screen recordings.")
            return translate(
                "Capture", "Windows refused to hide this window from screen capture.")
        if sys.platform == "darwin":
            objc = ctypes.cdll.LoadLibrary("/usr/lib/libobjc.A.dylib")
            objc.sel_registerName.restype = ctypes.c_void_p
            objc.objc_msgSend.restype = ctypes.c_void_p
            objc.objc_msgSend.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
            view = ctypes.c_void_p(int(window.winId()))
            ns_window = objc.objc_msgSend(view, objc.sel_registerName(b"window"))
            set_sharing = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_long)(
                ("objc_msgSend", objc)
            )
            set_sharing(ns_window, objc.sel_registerName(b"setSharingType:"),
                        NS_WINDOW_SHARING_NONE)
            return translate(
                "Capture", "This window is hidden from screenshots and screen recordings.")
    except (OSError, AttributeError, ValueError) as exc:
        return translate(
            "Capture", "Could not hide this window from screen capture ({error})."
        ).format(error=exc)
    return translate(
        "Capture",
        "On Linux a window cannot be hidden from screenshots: anything shown here can be "
        "captured, and each preview carries your name and an invisible mark.",
    )
