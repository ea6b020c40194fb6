"""One call off the GUI thread for the viewer (key derivation and decryption are slow).

The viewer holds no vault, so it does not use the vault thread; a call runs on Qt's global
thread pool and reports back through signals, delivered on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from sealroom.desktop.i18n import translate
from sealroom.vault.errors import SealroomError

log = logging.getLogger(__name__)


class Call(QObject):
    done = Signal(object)
    failed = Signal(str, object)
    """The message and the exception's class (the exception itself is not kept)."""

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        super().__init__()
        self.fn = fn
        self.args = args

    def start(self) -> None:
        QThreadPool.globalInstance().start(_Runnable(self))

    def run(self) -> None:
        try:
            result = self.fn(*self.args)
        except SealroomError as exc:
            self.failed.emit(str(exc), type(exc))
        except Exception as exc:  # a bug: one line for the person, the traceback in the log
            log.exception("viewer call failed")
            message = translate("Viewer", "unexpected failure ({error})").format(
                error=f"{type(exc).__name__}: {exc}")
            self.failed.emit(message, type(exc))
        else:
            self.done.emit(result)


class _Runnable(QRunnable):
    def __init__(self, call: Call) -> None:
        super().__init__()
        self.call = call

    def run(self) -> None:
        self.call.run()
