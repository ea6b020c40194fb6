"""Share packages made with the real format, for tests of the partner's side."""

from __future__ import annotations

import base64
import io
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from PIL import Image, PngImagePlugin

from sealroom.crypto import agebox, sharepkg
from sealroom.crypto.signing import generate_signing_key


@dataclass
class MadePackage:
    data: bytes
    canary: bytes
    manifest: sharepkg.Manifest


def preview_png(canary: bytes, colour: tuple[int, int, int], size: tuple[int, int] = (320, 200),
                ) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("canary", canary.decode())
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def make_package(
    recipient: str = "",
    passphrase: str | None = None,
    pages: int = 3,
    valid_from: datetime | None = None,
    valid_days: float = 7,
    receipt_recipient: str = "",
) -> MadePackage:
    key, public = generate_signing_key()
    canary = f"canary-{uuid.uuid4().hex}".encode()
    now = datetime.now(UTC)
    start = valid_from or now - timedelta(hours=1)
    previews = {
        f"previews/ast_00000000000{i}-1.png": preview_png(canary, (40 * i, 90, 160))
        for i in range(1, pages + 1)
    }
    assets = tuple(
        sharepkg.PackageAsset(f"ast_00000000000{i}", f"Look {i}",
                              (sharepkg.file_entry(path, data),))
        for i, (path, data) in enumerate(previews.items(), start=1)
    )
    manifest = sharepkg.Manifest(
        package_id=f"pkg_{uuid.uuid4().hex[:12]}", issued_at=sharepkg.stamp(now),
        sender_name="Northlight Talent", sender_vault="vlt_000000000001",
        sender_key=base64.b64encode(public).decode(), recipient_name="Lumen Cosmetics",
        recipient_party="pty_000000000001", recipient_age=recipient,
        not_before=sharepkg.stamp(start),
        not_after=sharepkg.stamp(start + timedelta(days=valid_days)),
        nda_title="Spring campaign NDA",
        nda_terms="The recipient keeps every preview confidential until the launch on 1 March.",
        assets=assets, receipt_recipient=receipt_recipient,
    )
    payload = sharepkg.build_payload(manifest, previews, key)
    if passphrase is not None:
        data = agebox.encrypt_with_passphrase(payload, passphrase)
    else:
        data = agebox.encrypt_to_recipient(payload, recipient)
    return MadePackage(data, canary, manifest)
