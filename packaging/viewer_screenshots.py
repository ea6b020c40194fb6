"""README screenshots of the partner's viewer: `.venv/bin/python packaging/viewer_screenshots.py`.

Makes real share packages (the package format of `sealroom.crypto.sharepkg`, age-encrypted to a
fresh partner identity, previews from the demo photos with the partner's visible mark), opens
them in the real viewer offscreen and saves resources/screenshots/viewer-nda.png (the NDA
page), viewer-preview.png (a preview) and viewer-expired.png (the refusal of an expired
package). Everything else lives in a temporary folder that is removed.
"""

from __future__ import annotations

import argparse
import base64
import io
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PIL import Image
from PySide6.QtCore import QElapsedTimer, QSize
from PySide6.QtWidgets import QApplication

from sealroom.crypto import agebox, sharepkg
from sealroom.crypto.identity import create_identity, write_identity
from sealroom.crypto.kdf import calibrate
from sealroom.crypto.signing import generate_signing_key
from sealroom.crypto.watermark.visible import VisibleMark, apply_visible_mark
from sealroom.desktop.viewer.pages import PreviewPage, RefusedPage, TermsPage
from sealroom.desktop.viewer.window import ViewerWindow
from sealroom.desktop.views.preferences import Preferences
from sealroom.desktop.views.theme import Theme
from sealroom.vault.demo.media import photo_variant
from sealroom.vault.partner.store import PartnerStore

OUT = Path(__file__).resolve().parent.parent / "resources" / "screenshots"
SIZE = QSize(1000, 720)
PASSWORD = "partner password"
TERMS = """\
Mutual non-disclosure agreement between Northlight Talent ("the sender") and Lumen Cosmetics \
("the recipient") for the Spring campaign.

1. Confidential material. Every preview in this package, its captions and the campaign \
schedule are confidential until the public launch on 1 March.

2. Use. The recipient's campaign team may view the previews in the Sealroom viewer to plan \
media buys and approve the looks. No other use is allowed.

3. No copies. The previews may not be saved, photographed, screen-captured, forwarded, \
printed or published, in whole or in part.

4. Marks. Each preview carries visible and invisible marks that name the recipient. A leaked \
copy identifies this package and its holder.

5. People. The recipient tells everyone who views the previews about these terms and answers \
for their compliance.

6. Breach. The recipient tells the sender at once of any loss or disclosure it learns of.

7. End. These terms end on the launch date, or earlier when the sender releases the recipient \
in writing. The obligations of sections 3 and 4 survive for two years.

8. Law. These terms are governed by the laws of England and Wales."""
TITLES = ("Spring hero, look 1", "Spring hero, look 2", "Backstage, studio B")


def wait(app: QApplication, ready: Callable[[], bool], timeout_ms: int = 60_000) -> None:
    clock = QElapsedTimer()
    clock.start()
    while not ready():
        app.processEvents()
        time.sleep(0.01)
        if clock.elapsed() > timeout_ms:
            raise SystemExit("timed out waiting for the viewer")
    for _ in range(5):
        app.processEvents()


def marked_preview(index: int, code: str) -> bytes:
    image = photo_variant(index).convert("RGB")
    image.thumbnail((1400, 1000))
    mark = VisibleMark("Lumen Cosmetics", "Northlight Talent", "2027-02-01", code)
    marked = apply_visible_mark(np.asarray(image), mark)
    out = io.BytesIO()
    Image.fromarray(marked).save(out, "PNG")
    return out.getvalue()


def package(recipient: str, start: datetime, days: float) -> bytes:
    key, public = generate_signing_key()
    package_id = f"pkg_{uuid.uuid4().hex[:12]}"
    previews = {f"previews/ast_00000000000{i}-1.png": marked_preview(i, package_id[-6:])
                for i in range(1, len(TITLES) + 1)}
    assets = tuple(
        sharepkg.PackageAsset(f"ast_00000000000{i}", title, (sharepkg.file_entry(path, data),))
        for i, ((path, data), title) in enumerate(zip(previews.items(), TITLES, strict=True),
                                                  start=1))
    manifest = sharepkg.Manifest(
        package_id=package_id, issued_at=sharepkg.stamp(start),
        sender_name="Northlight Talent", sender_vault="vlt_000000000001",
        sender_key=base64.b64encode(public).decode(), recipient_name="Lumen Cosmetics",
        recipient_party="pty_000000000001", recipient_age=recipient,
        not_before=sharepkg.stamp(start), not_after=sharepkg.stamp(start + timedelta(days=days)),
        nda_title="Spring campaign: mutual NDA", nda_terms=TERMS, assets=assets,
    )
    return agebox.encrypt_to_recipient(sharepkg.build_payload(manifest, previews, key), recipient)


def open_window(app: QApplication, path: Path, identity: Path, store: PartnerStore,
                ) -> ViewerWindow:
    window = ViewerWindow(path, store)
    window.resize(SIZE)
    window.show()
    page = window.unlock_page
    assert page is not None
    page.identity.setText(str(identity))
    page.password.setText(PASSWORD)
    window.open_package()
    wait(app, lambda: not isinstance(window.page, type(page)))
    return window


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNGs")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    theme = Theme(app, Preferences().theme)
    with tempfile.TemporaryDirectory(prefix="sealroom-viewer-shots-") as scratch:
        home = Path(scratch)
        os.environ["XDG_DATA_HOME"] = str(home / "data")
        made, secret = create_identity(PASSWORD, calibrate())
        secret[:] = bytes(len(secret))
        identity = home / "identity.json"
        write_identity(identity, made)
        store = PartnerStore.load(home / "data" / "partner.json")
        now = datetime.now(UTC).replace(microsecond=0)
        current = home / "spring-campaign.sealshare"
        current.write_bytes(package(made.recipient, now - timedelta(hours=2), 28))
        expired = home / "winter-lookbook.sealshare"
        expired.write_bytes(package(made.recipient, now - timedelta(days=40), 30))
        args.out.mkdir(parents=True, exist_ok=True)

        window = open_window(app, current, identity, store)
        window.setProperty("theme", theme)
        terms = window.page
        assert isinstance(terms, TermsPage)
        terms.agree.setChecked(True)
        wait(app, lambda: True)
        window.grab().save(str(args.out / "viewer-nda.png"))
        terms.accept_button.click()
        wait(app, lambda: isinstance(window.page, PreviewPage))
        window.grab().save(str(args.out / "viewer-preview.png"))
        window.close()

        refused = open_window(app, expired, identity, store)
        assert isinstance(refused.page, RefusedPage)
        refused.grab().save(str(args.out / "viewer-expired.png"))
        refused.close()
    for name in ("viewer-nda.png", "viewer-preview.png", "viewer-expired.png"):
        print(args.out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
