"""What an imported file is, whether it is readable, and its thumbnail (made in memory).

Images (JPEG, PNG, WebP, GIF, TIFF, BMP, and HEIC/HEIF/AVIF when this Pillow can decode them)
are opened with Pillow; a file that claims to be an image but does not decode is refused. PDFs
must start with `%PDF-`; their first page is rendered by `media.pdf`. Video thumbnails come from
OpenCV reading the person's own source file (a video it cannot decode still imports, without a
thumbnail). Text captions must be UTF-8, because the release guard reads them.

Thumbnails are JPEG bytes, at most `THUMBNAIL_SIZE` pixels on the long side, never written to
disk unencrypted: the caller stores them as a blob.
"""

from __future__ import annotations

import io
import logging
import mimetypes
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from sealroom.vault.errors import InvalidInputError
from sealroom.vault.media import pdf

log = logging.getLogger(__name__)

THUMBNAIL_SIZE = 256
MAX_TEXT_BYTES = 4 * 1024 * 1024
"""A caption larger than this is not checked as text (it is kept as a plain file)."""

KINDS = ("image", "pdf", "video", "text", "file")

_EXTRA_TYPES = {
    ".heic": "image/heic",
    ".heif": "image/heif",
    ".avif": "image/avif",
    ".webp": "image/webp",
    ".md": "text/markdown",
    ".txt": "text/plain",
    ".mkv": "video/x-matroska",
    ".m4v": "video/x-m4v",
}
_MAYBE_UNSUPPORTED_IMAGES = {"image/heic", "image/heif", "image/avif"}


def media_type_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in _EXTRA_TYPES:
        return _EXTRA_TYPES[suffix]
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def kind_of(media_type: str) -> str:
    """One of `KINDS`, for filtering and for choosing a preview."""
    if media_type == "application/pdf":
        return "pdf"
    major = media_type.split("/", 1)[0]
    if major in ("image", "video", "text"):
        return major
    return "file"


@dataclass(frozen=True)
class Inspection:
    media_type: str
    kind: str
    thumbnail: bytes | None


def inspect(path: Path, media_type: str | None = None) -> Inspection:
    """Check that the file is what its name says and make its thumbnail; refuse damaged files."""
    media_type = media_type or media_type_of(path)
    kind = kind_of(media_type)
    thumbnail: bytes | None = None
    if kind == "image":
        thumbnail = _image_thumbnail(path, media_type)
    elif kind == "pdf":
        thumbnail = _pdf_thumbnail(path)
    elif kind == "video":
        thumbnail = _video_thumbnail(path)
    elif kind == "text":
        _check_text(path)
    return Inspection(media_type, kind, thumbnail)


def thumbnail_bytes(image: Image.Image) -> bytes:
    """A JPEG thumbnail of a Pillow image, upright (EXIF orientation applied), in memory."""
    image = ImageOps.exif_transpose(image)
    image.thumbnail((THUMBNAIL_SIZE, THUMBNAIL_SIZE))
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    elif image.mode != "RGB":
        image = image.convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82)
    return out.getvalue()


def _register_optional_openers() -> None:
    try:
        import pillow_heif
    except ImportError:
        return
    pillow_heif.register_heif_opener()


def _image_thumbnail(path: Path, media_type: str) -> bytes | None:
    _register_optional_openers()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                image.draft("RGB", (THUMBNAIL_SIZE * 2, THUMBNAIL_SIZE * 2))
                image.load()
                return thumbnail_bytes(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        log.info("%s is too large for a thumbnail", path.name)
        return None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        if media_type in _MAYBE_UNSUPPORTED_IMAGES and isinstance(exc, UnidentifiedImageError):
            return None  # this Pillow has no decoder for it: keep the file, skip the thumbnail
        label = media_type.split("/", 1)[1].upper()
        raise InvalidInputError(
            f"{path.name} is not a readable {label} image (the file may be damaged or misnamed)"
        ) from None


def _pdf_thumbnail(path: Path) -> bytes | None:
    with open(path, "rb") as src:
        if src.read(5) != b"%PDF-":
            raise InvalidInputError(f"{path.name} is not a PDF (it does not start with %PDF-)")
    first = pdf.render_page(path, 0, THUMBNAIL_SIZE, THUMBNAIL_SIZE, path.name)
    return thumbnail_bytes(Image.fromarray(first.pixels, "RGB"))


def _video_thumbnail(path: Path) -> bytes | None:
    try:
        import cv2
    except ImportError:  # pragma: no cover - OpenCV is a dependency
        return None
    capture = cv2.VideoCapture(str(path))
    try:
        if not capture.isOpened():
            return None
        frames = capture.get(cv2.CAP_PROP_FRAME_COUNT)
        if frames and frames > 2:
            capture.set(cv2.CAP_PROP_POS_FRAMES, min(int(frames) // 10, 30))
        ok, frame = capture.read()
        if not ok or frame is None:
            return None
        rgb = cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)
        return thumbnail_bytes(Image.fromarray(rgb))
    finally:
        capture.release()


def _check_text(path: Path) -> None:
    with open(path, "rb") as src:
        data = src.read(MAX_TEXT_BYTES + 1)
    if len(data) > MAX_TEXT_BYTES:
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInputError(
            f"{path.name} is not UTF-8 text; save it as UTF-8 so the release guard can read it"
        ) from None
