"""Make the README screenshots from the demo vault: `make screenshots` (or run this file).

Builds the demo vault (`sealroom.vault.demo.build`) in a temporary folder, opens it in the real app
offscreen (or on the display given by QT_QPA_PLATFORM), shows each screen and saves a PNG of
the window to resources/screenshots/. On the way two previews are shared and one is traced, so
that the Shares and Leak tracing screens have content. Nothing is kept but the PNGs: the demo
vault and the app's settings live in the temporary folder. --dark adds dark-theme variants.
The dashboard is also shot in Hebrew (right to left) as dashboard-he.png; --hebrew-only makes
that one alone.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QSettings, QSize
from PySide6.QtWidgets import QApplication

from sealroom.desktop.app import SealroomApp
from sealroom.desktop.i18n import Language
from sealroom.desktop.tasks import protect as protect_tasks
from sealroom.desktop.tasks.protect import ShareFields
from sealroom.desktop.views.access import AccessView
from sealroom.desktop.views.assets import AssetsView
from sealroom.desktop.views.campaigns import CampaignsView
from sealroom.desktop.views.package_dialog import open_package_dialog
from sealroom.desktop.views.packages import PackagesView
from sealroom.desktop.views.preferences import Preferences
from sealroom.desktop.views.section import TableSection
from sealroom.desktop.views.shares import SharesView
from sealroom.desktop.views.tracing import TracingView
from sealroom.desktop.views.unlock import UnlockDialog
from sealroom.desktop.widgets.fields import ID_ROLE

OUT = Path(__file__).resolve().parent.parent / "resources" / "screenshots"
SIZE = QSize(1280, 800)
WAIT_MS = 60_000


def wait(app: QApplication, ready: Callable[[], bool], timeout_ms: int = WAIT_MS) -> None:
    """Run the event loop until `ready()` (the app works off-thread; we poll its state)."""
    clock = QElapsedTimer()
    clock.start()
    while not ready():
        app.processEvents()
        time.sleep(0.01)
        if clock.elapsed() > timeout_ms:
            raise SystemExit("timed out waiting for the app")
    for _ in range(5):
        app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dark", action="store_true", help="also save dark-theme variants")
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNGs")
    parser.add_argument(
        "--hebrew-only", action="store_true", help="only the Hebrew dashboard (dashboard-he.png)"
    )
    args = parser.parse_args()

    from sealroom.vault.demo.build import DEFAULT_PASSWORD, DEMO_USER, build_demo

    app = QApplication(sys.argv[:1])
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sealroom-screens-") as scratch:
        folder = Path(scratch) / "Demo.sealroom"
        print("building the demo vault…", flush=True)
        build_demo(folder, DEFAULT_PASSWORD)
        prefs = Preferences(QSettings(str(Path(scratch) / "s.ini"), QSettings.Format.IniFormat))
        prefs.last_vault = folder
        prefs.theme = "light"
        if not args.hebrew_only:
            sealroom = open_demo(app, prefs, DEMO_USER, DEFAULT_PASSWORD)
            share_and_trace(app, sealroom, Path(scratch))
            themes = ["light", "dark"] if args.dark else ["light"]
            for theme in themes:
                sealroom.theme.apply(theme)
                suffix = "" if theme == "light" else "-dark"
                shoot_all(app, sealroom, args.out, suffix)
            sealroom.close()
        # Texts are set when widgets are built: the Hebrew window is a new one.
        language = Language(app)
        language.apply("he")
        sealroom = open_demo(app, prefs, DEMO_USER, DEFAULT_PASSWORD)
        sealroom.window.show_section("dashboard")
        wait(app, lambda: not sealroom.runner.busy)
        sealroom.window.grab().save(str(args.out / "dashboard-he.png"))
        print("  dashboard-he.png", flush=True)
        sealroom.close()
        language.apply("en")
    print(f"saved to {args.out}")
    return 0


def open_demo(app: QApplication, prefs: Preferences, user: str, password: str) -> SealroomApp:
    """The app on the demo vault, unlocked through its dialog."""
    sealroom = SealroomApp(app, prefs)
    sealroom.start()
    sealroom.window.resize(SIZE)
    dialog = sealroom.dialog
    assert isinstance(dialog, UnlockDialog)
    dialog.user.setCurrentText(user)
    dialog.password.setText(password)
    dialog.submit()
    wait(app, lambda: sealroom.runner.unlocked and not sealroom.runner.busy)
    return sealroom


def share_and_trace(app: QApplication, sealroom: SealroomApp, scratch: Path) -> Path:
    """Issue two watermarked previews of a hero photo and trace one, so that the Shares and
    Leak tracing screens have something to show."""
    window = sealroom.window
    window.show_section("shares")
    wait(app, lambda: not sealroom.runner.busy)
    shares = window.views["shares"]
    assert isinstance(shares, SharesView)
    found: list[protect_tasks.ShareChoices] = []
    task = sealroom.runner.submit(protect_tasks.share_choices)
    task.done.connect(found.append)
    wait(app, lambda: bool(found))
    hero_id = next(key for key, title in found[0].assets if "hero" in title.casefold())
    # the two parties of the demo whose grant and NDA cover this hero (the outbound rule)
    people = [p for p in found[0].parties if p.name in ("Maya Okafor", "Aurora Cosmetics")]
    files = []
    for n, party in enumerate(people):
        out = scratch / f"preview-{n}.png"
        fields = ShareFields(hero_id, party.id, out, 1200, True)
        sealroom.runner.submit(protect_tasks.create_share, fields)
        files.append(out)
    wait(app, lambda: not sealroom.runner.busy)
    shares.load()
    window.show_section("tracing")
    tracing = window.views["tracing"]
    assert isinstance(tracing, TracingView)
    tracing.trace(files[:1])
    wait(app, lambda: tracing.traces.rowCount() > 0)
    return files[0]


def shoot_all(app: QApplication, sealroom: SealroomApp, out: Path, suffix: str) -> None:
    window = sealroom.window

    def idle() -> bool:
        return not sealroom.runner.busy

    def shot(name: str) -> None:
        wait(app, idle)
        window.grab().save(str(out / f"{name}{suffix}.png"))
        print(f"  {name}{suffix}.png", flush=True)

    window.show_section("dashboard")
    shot("dashboard")

    window.show_section("assets")
    wait(app, idle)
    assets = window.views["assets"]
    assert isinstance(assets, AssetsView)
    shown = assets.assets.loaded_records()
    hero = next(a for a in shown if a.kind == "image" and "hero" in a.title)
    assets.select_key(hero.id)
    wait(app, lambda: assets.asset_detail.preview.image is not None)
    shot("assets")
    assets.set_grid(True)
    wait(app, idle)
    shot("assets-grid")
    assets.set_grid(False)

    window.show_section("access")
    wait(app, idle)
    access = window.views["access"]
    assert isinstance(access, AccessView)
    access.mode.setCurrentIndex(access.mode.findData("asset"))
    wait(app, idle)  # the asset columns load on the vault thread
    exceptions = [
        (party.id, target.id)
        for party in access.access.parties
        for target in access.access.targets
        if access.access.cell(party.id, target.id).exception
    ]
    if exceptions:
        access.reveal("|".join(exceptions[0]))
        wait(app, idle)
    shot("access")

    for key in ("campaigns", "agreements", "parties"):
        window.show_section(key)
        wait(app, idle)
        view = window.views[key]
        assert isinstance(view, TableSection)
        if view.proxy.rowCount():
            view.table.selectRow(0)
        shot(key)

    for key in ("shares", "tracing"):
        window.show_section(key)
        wait(app, idle)
        view = window.views[key]
        assert isinstance(view, TableSection)
        if view.proxy.rowCount():
            view.table.selectRow(0)
        if isinstance(view, SharesView):
            view.show_preview()
            wait(app, lambda: view.preview.image is not None)  # noqa: B023 - waited on here
        shot(key)

    issue_packages(app, sealroom, out, suffix)

    window.show_section("audit")
    wait(app, idle)
    shot("audit")


def issue_packages(app: QApplication, sealroom: SealroomApp, out: Path, suffix: str) -> None:
    """The Share package dialog from a campaign, with its check, then the packages it issued."""
    window = sealroom.window
    window.show_section("campaigns")
    wait(app, lambda: not sealroom.runner.busy)
    campaigns = window.views["campaigns"]
    assert isinstance(campaigns, CampaignsView)
    launch = next(c for c in campaigns.campaigns.records() if "Glow" in c.name)
    dialog = open_package_dialog(campaigns.ctx, campaign_id=launch.id)
    wait(app, lambda: dialog.form.isEnabled())
    extra = {
        str(item.data(ID_ROLE))
        for item in dialog.parties.items()
        if any(n in item.text() for n in ("Aurora", "Daily", "Maya"))
    }
    dialog.parties.set_ticked(set(dialog.parties.ticked()) | extra)
    dialog.passphrase.setChecked(True)
    folder = Path(tempfile.mkdtemp(prefix="sealroom-packages-"))
    dialog.out.setText(str(folder))
    wait(app, lambda: bool(dialog.checks) and not dialog._check_timer.isActive()
         and not dialog._checking)
    dialog.resize(720, 760)
    app.processEvents()
    dialog.grab().save(str(out / f"package-dialog{suffix}.png"))
    print(f"  package-dialog{suffix}.png", flush=True)
    dialog.submit()
    wait(app, lambda: dialog.outcome is not None)
    dialog.accept()
    window.show_section("packages")
    wait(app, lambda: not sealroom.runner.busy)
    packages = window.views["packages"]
    assert isinstance(packages, PackagesView)
    if packages.proxy.rowCount():
        packages.table.selectRow(0)
    wait(app, lambda: not sealroom.runner.busy)
    window.grab().save(str(out / f"packages{suffix}.png"))
    print(f"  packages{suffix}.png", flush=True)
    for item in folder.iterdir():
        item.unlink()
    folder.rmdir()


if __name__ == "__main__":
    sys.exit(main())
