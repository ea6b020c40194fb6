"""Nothing decrypted reaches the disk: not the content, not the title, not the file name.

A file carrying unique canary strings goes through import, list, view, export, verify and lock;
then the vault folder, the system temporary folder and the user's cache folder are searched for
the canaries in raw, UTF-16 and base64 forms. The source file and the export are written on
purpose, into one dedicated folder that the search leaves out explicitly.
"""

from __future__ import annotations

import base64
import os
import secrets
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from sealroom.crypto import stream
from sealroom.vault import verify
from sealroom.vault.assets import catalog as assets
from sealroom.vault.parties import directory as parties
from sealroom.vault.session import Vault

READ_BLOCK = 8 * 1024 * 1024
SANDBOX_TMP_PREFIXES = ("bash_jobs", "bash_tool")
"""Top-level temporary folders of the development sandbox's job runner (not Sealroom's)."""


def encoded_forms(canary: str) -> dict[str, bytes]:
    """The canary as it could appear on disk: raw, UTF-16 both ways, base64 at every alignment.

    For base64, a prefix of 0, 1 or 2 bytes shifts the canary against the 3-byte groups; the
    4-character groups that hold only canary bytes are the same whatever surrounds them.
    """
    raw = canary.encode()
    forms = {
        "raw": raw,
        "utf-16-le": canary.encode("utf-16-le"),
        "utf-16-be": canary.encode("utf-16-be"),
    }
    for shift in range(3):
        encoded = base64.b64encode(b"\x00" * shift + raw)
        start = 4 if shift else 0
        end = 4 * ((shift + len(raw)) // 3)
        forms[f"base64+{shift}"] = encoded[start:end]
    return forms


def _skip_dir(path: Path, excluded: list[Path], tmp_root: Path) -> bool:
    if any(path == ex or ex in path.parents for ex in excluded):
        return True
    return path.parent == tmp_root and path.name.startswith(SANDBOX_TMP_PREFIXES)


def files_to_scan(
    roots: list[Path], excluded: list[Path], since: float, always: Path
) -> Iterator[Path]:
    """Regular files under `roots` changed since `since` (a canary made at the start of the
    test cannot be in an older file), and every file under `always`."""
    tmp_root = Path(tempfile.gettempdir()).resolve()
    seen: set[Path] = set()
    for root in roots:
        if not root.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
            here = Path(dirpath)
            dirnames[:] = [d for d in dirnames if not _skip_dir(here / d, excluded, tmp_root)]
            for name in filenames:
                path = here / name
                if path in seen:
                    continue
                try:
                    info = path.lstat()
                except OSError:
                    continue
                if not path.is_file() or path.is_symlink():
                    continue
                if always not in path.parents and max(info.st_mtime, info.st_ctime) < since:
                    continue
                seen.add(path)
                yield path


def find_forms(path: Path, forms: dict[str, bytes]) -> list[str]:
    """Which forms occur in the file (read in blocks that overlap by the longest form)."""
    overlap = max(len(f) for f in forms.values())
    found: set[str] = set()
    try:
        with open(path, "rb") as src:
            tail = b""
            while block := src.read(READ_BLOCK):
                window = tail + block
                found |= {name for name, form in forms.items() if form in window}
                tail = window[-overlap:]
    except OSError:
        return []
    return sorted(found)


def test_the_search_finds_every_form(tmp_path: Path) -> None:
    """The search itself works: each form is found when it is there, at any alignment."""
    canary = f"CANARY-{secrets.token_hex(8)}"
    forms = encoded_forms(canary)
    for shift in range(3):
        probe = tmp_path / f"b64-{shift}.txt"
        probe.write_bytes(b"x" + base64.b64encode(b"\x07" * shift + canary.encode() + b"tail"))
        assert f"base64+{shift}" in find_forms(probe, forms)
    probe = tmp_path / "text.bin"
    probe.write_bytes(b"\x01" * (READ_BLOCK - 5) + canary.encode("utf-16-be") + b"\x01")
    assert find_forms(probe, forms) == ["utf-16-be"]  # across the boundary of two reads
    probe.write_bytes(b"\x01" + canary.encode("utf-16-le"))
    assert find_forms(probe, forms) == ["utf-16-le"]


def test_no_plaintext_reaches_the_disk(vault: Vault, vault_dir: Path, tmp_path: Path) -> None:
    since = time.time() - 2
    token = secrets.token_hex(12)
    canaries = {
        "content": f"SEALROOM-CONTENT-CANARY-{token}",
        "title": f"SEALROOM-TITLE-CANARY-{token[::-1]}",
        "file name": f"SEALROOM-NAME-CANARY-{token.upper()}",
        "party": f"SEALROOM-PARTY-CANARY-{token[6:]}{token[:6]}",
    }
    on_purpose = tmp_path / "plaintext-on-purpose"
    on_purpose.mkdir()
    source = on_purpose / f"{canaries['file name']}.bin"
    filler = secrets.token_bytes(3 * stream.CHUNK_BYTES)
    marker = canaries["content"].encode()
    boundary = stream.CHUNK_BYTES - len(marker) // 2  # one copy straddles a chunk boundary
    content = (
        marker
        + filler[: boundary - len(marker)]
        + marker
        + filler[boundary:]
        + canaries["content"].encode("utf-16-le")
        + marker
    )
    source.write_bytes(content)

    asset = assets.import_file(vault, source, title=canaries["title"])
    assert [a.title for a in assets.list_assets(vault)] == [canaries["title"]]
    assert assets.read_asset(vault, asset.id) == content
    exported = assets.export_asset(vault, asset.id, on_purpose / "exported.bin")
    assert exported.read_bytes() == content
    exported.unlink()
    (on_purpose / "exports").mkdir()
    by_name = assets.export_asset(vault, asset.id, on_purpose / "exports")
    assert by_name.name == source.name and by_name.read_bytes() == content
    by_name.unlink()
    party = parties.add_party(vault, canaries["party"], "brand", "press@canary.example")
    parties.edit_party(vault, party.id, organisation=canaries["party"] + " Ltd")
    assert [p.name for p in parties.list_parties(vault)] == [canaries["party"]]
    assert verify.verify_vault(vault).ok
    vault.lock()
    assert sorted(p.name for p in on_purpose.rglob("*")) == sorted([source.name, "exports"])

    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    roots = [vault_dir, Path(tempfile.gettempdir()), cache]
    forms = {
        f"{what} {form}": data
        for what, canary in canaries.items()
        for form, data in encoded_forms(canary).items()
    }
    scanned: list[Path] = []
    hits: dict[str, list[str]] = {}
    for path in files_to_scan(roots, [on_purpose], since, always=vault_dir):
        scanned.append(path)
        found = find_forms(path, forms)
        if found:
            hits[str(path)] = found
    assert hits == {}, f"plaintext found on disk: {hits}"
    in_vault = {p.relative_to(vault_dir).parts[0] for p in scanned if vault_dir in p.parents}
    assert {"header.json", "vault.db", "audit.db", "blobs"} <= in_vault

    # The same search does see the file written on purpose, so the result above means something.
    assert "content raw" in find_forms(source, forms)
    assert "content utf-16-le" in find_forms(source, forms)
