"""`make install-desktop`: the desktop entry and the .sealshare MIME type, for this user."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_install_desktop_puts_an_absolute_exec_and_the_mime_type_in_xdg_data_home(
        tmp_path: Path) -> None:
    data = tmp_path / "share"
    env = {**os.environ, "XDG_DATA_HOME": str(data), "HOME": str(tmp_path / "home")}
    done = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "install-desktop"],
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    entry = (data / "applications" / "sealroom.desktop").read_text()
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    program, *args = shlex.split(exec_line.removeprefix("Exec="))
    assert Path(program).is_absolute() and os.access(program, os.X_OK)
    built = ROOT / "dist" / "sealroom" / "sealroom"
    assert Path(program) == (built if built.is_file() else ROOT / ".venv" / "bin" / "sealroom")
    assert args == ["%F"]
    assert "MimeType=application/x-sealroom-share;" in entry
    mime = (data / "mime" / "packages" / "sealroom.xml").read_text()
    assert 'glob pattern="*.sealshare"' in mime
    if shutil.which("update-mime-database"):
        assert "application/x-sealroom-share:*.sealshare" in (data / "mime" / "globs2").read_text()
    assert not (tmp_path / "home").exists()
