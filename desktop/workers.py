"""The vault thread: every call into the vault runs here, one at a time, off the GUI thread.

The GUI thread never touches a `Vault`. It submits a `Task` (a use-case and its arguments) to
the `VaultRunner`; the runner's thread runs tasks in order, so the vault's single database
connection and its audit log see one caller at a time, and a slow call (the Argon2id key
derivation, encrypting a large file) never freezes the window.

A task reports back through Qt signals that arrive on the GUI thread; connect them to bound
methods of GUI objects, never to lambdas. Locking the vault starts a new *generation*: results of
tasks submitted before the lock are dropped, so nothing decrypted reaches a view after a lock.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThread, Signal

from sealroom.vault.errors import Cancelled, SealroomError
from sealroom.vault.session import Vault

log = logging.getLogger(__name__)

SHUTDOWN_WAIT_MS = 30_000
"""Closing waits this long for the running vault call (an import is cancelled first)."""

PROGRESS_STEPS = 200
"""At most this many progress signals per task, whatever the size of the work."""


class Job:
    """What a running use-case sees of its task: a progress callback and a cancel flag.

    Safe to use from the vault thread; `cancel` may be called from any thread.
    """

    def __init__(
        self,
        emit_progress: Callable[[int, int], None],
        emit_message: Callable[[str], None] | None = None,
    ) -> None:
        self._emit = emit_progress
        self._say = emit_message
        self._cancel = threading.Event()
        self._last_step = -1
        self.total = 0

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def say(self, text: str) -> None:
        """Report what the use-case is doing, as a line for a status label."""
        if self._say is not None:
            self._say(text)

    def progress(self, done: int, total: int | None = None) -> None:
        """Report `done` out of `total` (or of `self.total`), throttled to PROGRESS_STEPS steps."""
        if total is not None:
            self.total = total
        whole = max(self.total, 1)
        step = min(done, whole) * PROGRESS_STEPS // whole
        if step != self._last_step:
            self._last_step = step
            self._emit(done, whole)


TaskFunction = Callable[..., Any]
"""Called on the vault thread as fn(vault, job, *args) (or fn(job, *args) for `opens` tasks)."""

EVERYTHING = "*"
"""A kind of record a screen may watch: any change at all (the audit log records every one)."""

_F = TypeVar("_F", bound=TaskFunction)


def changes(*kinds: str) -> Callable[[_F], _F]:
    """Mark a task function as one that changes these kinds of records ("assets", "grants"...).

    When such a task succeeds, the runner emits `vault_changed` with the kinds, and every
    screen showing those records reads them again (see `SectionView.watches`)."""

    def mark(fn: _F) -> _F:
        fn.changes = frozenset(kinds)  # type: ignore[attr-defined]
        return fn

    return mark


def changes_of(fn: TaskFunction) -> frozenset[str]:
    kinds = getattr(fn, "changes", None)
    return kinds if isinstance(kinds, frozenset) else frozenset()


class Task(QObject):
    """One call into the vault. Its public signals are delivered on the GUI thread."""

    done = Signal(object)
    failed = Signal(str)
    progressed = Signal(object, object)
    """(done, total) in bytes, as Python ints: a C++ int overflows on files of 2 GiB and more."""
    said = Signal(str)
    finished = Signal()

    _result = Signal(object)
    _error = Signal(str)
    _progress = Signal(object, object)
    _said = Signal(str)

    def __init__(self, runner: VaultRunner, fn: TaskFunction, args: tuple[Any, ...]) -> None:
        super().__init__()
        self.runner = runner
        self.fn = fn
        self.args = args
        self.generation = runner.generation
        self.job = Job(self._progress.emit, self._said.emit)
        self.opens = False
        self.error_type: type[BaseException] | None = None
        """The class of the exception the call raised (the exception itself is not kept)."""
        self.error_field: str | None = None
        """The input the refusal is about (`InvalidInputError.field`), or None."""
        self.origin: object | None = None
        """Who submitted the task (a screen); it is told of its own changes by its callbacks,
        so `vault_changed` names it and that screen does not read everything again."""
        self._result.connect(self._deliver_result)
        self._error.connect(self._deliver_error)
        self._progress.connect(self._deliver_progress)
        self._said.connect(self._deliver_message)

    @property
    def current(self) -> bool:
        """False once the vault was locked after this task was submitted."""
        return self.generation == self.runner.generation

    def cancel(self) -> None:
        self.job.cancel()

    # -- on the vault thread -------------------------------------------------------------------

    def execute(self, vault: Vault | None) -> None:
        try:
            if self.job.cancelled() or not self.current:
                raise Cancelled("cancelled")
            if self.opens:
                result = self.fn(self.job, *self.args)
                self.runner.adopt(result, self.generation)
            elif vault is None:
                raise SealroomError("the vault is locked")
            else:
                result = self.fn(vault, self.job, *self.args)
        except SealroomError as exc:
            self.error_type = type(exc)
            field = getattr(exc, "field", None)
            self.error_field = field if isinstance(field, str) else None
            self._error.emit(str(exc) or type(exc).__name__)
        except Exception as exc:  # a bug: one line for the person, the traceback in the log
            self.error_type = type(exc)
            log.exception("task %s failed", getattr(self.fn, "__name__", self.fn))
            self._error.emit(self.tr("unexpected failure ({error})").format(
                error=f"{type(exc).__name__}: {exc}"))
        else:
            self._result.emit(result)

    # -- on the GUI thread ---------------------------------------------------------------------

    def _deliver_result(self, result: object) -> None:
        if self.current:
            self.done.emit(result)
            kinds = changes_of(self.fn)
            if kinds:
                self.runner.vault_changed.emit(kinds, self.origin)
        self._finish()

    def _deliver_error(self, message: str) -> None:
        if self.current:
            self.failed.emit(message)
        self._finish()

    def _deliver_progress(self, done: int, total: int) -> None:
        if self.current:
            self.progressed.emit(done, total)

    def _deliver_message(self, text: str) -> None:
        if self.current:
            self.said.emit(text)

    def _finish(self) -> None:
        self.finished.emit()
        self.runner.forget(self)


class _VaultThread(QThread):
    """Runs queued tasks in order until it receives `None`."""

    def __init__(self, runner: VaultRunner) -> None:
        super().__init__()
        self._runner = runner
        self.queue: queue.Queue[Task | Callable[[], None] | None] = queue.Queue()

    def run(self) -> None:
        while True:
            item = self.queue.get()
            if item is None:
                return
            if isinstance(item, Task):
                item.execute(self._runner.vault_for_thread())
            else:
                try:
                    item()
                except Exception:
                    log.exception("vault thread housekeeping failed")


class VaultRunner(QObject):
    """Owns the vault and the thread that uses it."""

    busy_changed = Signal(bool)
    vault_changed = Signal(object, object)
    """(kinds, origin) after a task that changed the vault succeeded: a frozenset of the kinds
    of records it changed (see `changes`) and the task's `origin` (None if not set)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self._vault: Vault | None = None
        self._vault_lock = threading.Lock()
        self._pending: set[Task] = set()
        self._thread = _VaultThread(self)
        self._thread.start()

    # -- submitting ----------------------------------------------------------------------------

    def submit(self, fn: TaskFunction, *args: Any) -> Task:
        """Queue fn(vault, job, *args); connect to the returned task's signals right away."""
        task = Task(self, fn, args)
        self._enqueue(task)
        return task

    def open(self, fn: Callable[..., Vault], *args: Any) -> Task:
        """Queue fn(job, *args) that creates or unlocks a vault; the runner then holds it."""
        task = Task(self, fn, args)
        task.opens = True
        self._enqueue(task)
        return task

    def _enqueue(self, task: Task) -> None:
        was_idle = not self._pending
        self._pending.add(task)
        self._thread.queue.put(task)
        if was_idle:
            self.busy_changed.emit(True)

    def forget(self, task: Task) -> None:
        self._pending.discard(task)
        if not self._pending:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    # -- the vault -----------------------------------------------------------------------------

    @property
    def unlocked(self) -> bool:
        with self._vault_lock:
            return self._vault is not None

    def identity(self) -> tuple[str, str, str]:
        """(user, role, vault folder name) of the open vault, for the window title."""
        with self._vault_lock:
            if self._vault is None:
                return ("", "", "")
            v = self._vault
            return (v.actor.user, v.role.value, v.folder.name)

    def vault_for_thread(self) -> Vault | None:
        with self._vault_lock:
            return self._vault

    def adopt(self, vault: Vault, generation: int) -> None:
        """Called on the vault thread when an `open` task produced a vault."""
        with self._vault_lock:
            stale = generation != self.generation or self._vault is not None
            if not stale:
                self._vault = vault
        if stale:
            vault.lock()
            raise Cancelled("the vault was locked while it was opening")

    def lock(self) -> None:
        """Drop pending work and lock the vault (on the vault thread, after the running task)."""
        with self._vault_lock:
            self.generation += 1
            vault, self._vault = self._vault, None
        for task in list(self._pending):
            task.cancel()
        if vault is not None:
            self._thread.queue.put(vault.lock)

    def shutdown(self) -> None:
        """Lock, finish the thread and wait for it. The runner cannot be used afterwards."""
        self.lock()
        self._thread.queue.put(None)
        if not self._thread.wait(SHUTDOWN_WAIT_MS):
            log.error("the vault thread did not finish within %d ms", SHUTDOWN_WAIT_MS)
