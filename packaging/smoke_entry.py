"""sealroom-smoke: opens a share package in the bundled viewer, offscreen, and reports.

Built into dist/sealroom/ only by `make package-check` (SEALROOM_SMOKE_BUILD=1), never into the
folder a partner gets. It uses the same bundled libraries as `sealroom` and drives the real
viewer window: age decryption (pyrage), the Ed25519 signature and hashes (cryptography), the
NDA page, and a preview decoded by Qt's image plugins. Usage: sealroom-smoke PACKAGE PASSFILE.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from sealroom.desktop.viewer.pages import PreviewPage, RefusedPage, TermsPage
from sealroom.desktop.viewer.window import ViewerWindow
from sealroom.desktop.views.theme import Theme

TIMEOUT_MS = 60_000


def main(argv: list[str]) -> int:
    package, passfile = Path(argv[0]), Path(argv[1])
    app = QApplication([])
    theme = Theme(app, "light")  # as run_viewer does: the bundled style sheets must load
    window = ViewerWindow(package)
    window.setProperty("theme", theme)
    window.show()
    result: list[str] = []

    def step() -> None:
        page = window.page
        if unlock is not None and unlock.error.text():
            result.append(f"error: not unlocked: {unlock.error.text()}")
            app.quit()
        elif isinstance(page, TermsPage):
            page.agree.setChecked(True)
            page.accept_button.click()
        elif isinstance(page, PreviewPage):
            if page.picture.pixmap().isNull():
                result.append("error: the preview did not decode")
            else:
                result.append(f"ok: {page.caption.text()}; platform {app.platformName()}")
            app.quit()
        elif isinstance(page, RefusedPage):
            result.append(f"error: refused: {page.reason.text()}")
            app.quit()

    unlock = window.unlock_page
    if unlock is None:
        print("error: the package was refused before unlocking", file=sys.stderr)
        return 1
    unlock.passphrase.setText(passfile.read_text().strip())
    window.open_package()
    ticker = QTimer()
    ticker.timeout.connect(step)
    ticker.start(50)
    QTimer.singleShot(TIMEOUT_MS, lambda: (result.append("error: timed out"), app.quit()))
    app.exec()
    message = result[0] if result else "error: no result"
    print(message, file=sys.stdout if message.startswith("ok") else sys.stderr)
    return 0 if message.startswith("ok") else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
