#!/bin/sh
# User-level (XDG) install of the desktop entry and the .sealshare MIME type, so that a
# double-click on a share package opens the viewer. Usage: install_desktop.sh REPOSITORY_ROOT
# Exec is the built folder's binary when `make package` made one, else the venv's sealroom.
set -eu
root=$(cd "$1" && pwd)
if [ -x "$root/dist/sealroom/sealroom" ]; then
  exe="$root/dist/sealroom/sealroom"
elif [ -x "$root/.venv/bin/sealroom" ]; then
  exe="$root/.venv/bin/sealroom"
else
  echo "error: neither dist/sealroom/sealroom nor .venv/bin/sealroom exists; run make package or make venv" >&2
  exit 1
fi
data="${XDG_DATA_HOME:-$HOME/.local/share}"
mkdir -p "$data/applications" "$data/mime/packages"
sed "s|^Exec=sealroom |Exec=\"$exe\" |" "$root/packaging/sealroom.desktop" > "$data/applications/sealroom.desktop"
cp "$root/packaging/sealroom-mime.xml" "$data/mime/packages/sealroom.xml"
if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$data/mime"; fi
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database "$data/applications"; fi
echo "installed $data/applications/sealroom.desktop (Exec=$exe) and the .sealshare MIME type"
