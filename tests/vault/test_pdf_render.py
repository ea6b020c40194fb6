"""The one PDF renderer: page by page, within a budget of rendered pixels, so a tiny PDF that
declares 500 huge pages cannot exhaust memory in a preview or a trace."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pypdfium2
import pytest
from PIL import Image

from sealroom.vault.errors import InvalidInputError
from sealroom.vault.media import pdf
from sealroom.vault.media.decode import decode_pages

PDF_MAX_UNITS = 14400  # the largest page a PDF may declare: 200 x 200 inches


def _pdf(path: Path, pages: int, side: float) -> Path:
    document = pypdfium2.PdfDocument.new()
    for _ in range(pages):
        document.new_page(side, side)
    document.save(str(path))
    document.close()
    return path


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory read from /proc")
def test_a_tiny_pdf_of_500_huge_pages_renders_within_the_budget_with_bounded_memory(
    tmp_path: Path,
) -> None:
    bomb = _pdf(tmp_path / "bomb.pdf", 500, PDF_MAX_UNITS)
    assert bomb.stat().st_size < 100_000
    photo = tmp_path / "photo.png"
    Image.fromarray(np.random.default_rng(1).integers(0, 255, (300, 400, 3), np.uint8)).save(photo)
    script = textwrap.dedent(
        f"""
        import json
        from pathlib import Path
        from sealroom.vault.assets import catalog
        from sealroom.vault.media.decode import decode_pages
        from sealroom.vault.protect.trace import trace_files
        from sealroom.crypto import kdf
        from sealroom.vault.session import Vault
        kdf.enable_test_parameters()  # the tiny test-only key derivation, as in the suite

        def peak_mb():  # this process's peak resident memory (VmHWM starts afresh at exec,
            # unlike getrusage's ru_maxrss, which keeps the forking test runner's)
            for line in Path("/proc/self/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
            raise RuntimeError("no VmHWM")

        tmp = Path({str(tmp_path)!r})
        with Vault.create(tmp / "v.sealroom", "owner", "correct horse battery") as vault:
            catalog.import_file(vault, tmp / "photo.png")
            start = peak_mb()
            (report,) = trace_files(vault, [tmp / "bomb.pdf"])
            traced = peak_mb()
        pages = decode_pages((tmp / "bomb.pdf").read_bytes(), "bomb.pdf")
        print(json.dumps({{
            "verdict": report.verdict, "start": start, "traced": traced, "kept": peak_mb(),
            "pages": len(pages), "pixels": sum(p.pixels.size // 3 for p in pages),
        }}))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["verdict"] == "unknown asset"  # traced to the end: 500 pages looked at
    assert result["traced"] - result["start"] < 150  # MB: one page at a time, not 500
    assert result["pages"] == 500 and result["pixels"] <= pdf.MAX_TOTAL_PIXELS
    assert result["kept"] < 700  # MB: every page kept (a preview) stays within the budget


def test_pages_are_drawn_at_the_asked_size_when_within_budget(tmp_path: Path) -> None:
    document = pypdfium2.PdfDocument.new()
    for _ in range(3):
        document.new_page(595, 842)  # A4 in points
    path = tmp_path / "a4.pdf"
    document.save(str(path))
    document.close()
    data = path.read_bytes()
    pages = list(pdf.iter_pages(data, "a4.pdf"))
    assert [p.number for p in pages] == [1, 2, 3]
    assert all(max(p.pixels.shape[:2]) == pdf.RENDER_SIDE for p in pages)
    assert pages[0].pixels.dtype == np.uint8 and pages[0].pixels.shape[2] == 3
    assert (pages[0].pixels == 255).all()  # a blank page is white, in RGB
    shown = pdf.render_page(data, 7, 300, 300)  # clamped to the last page, fitted to the view
    assert shown.index == 2 and shown.pages == 3
    assert max(shown.pixels.shape[:2]) <= 300 and shown.pixels.shape[0] == 300


def test_budget_scales_every_page_by_the_same_factor() -> None:
    sizes = [(100.0, 100.0), (200.0, 50.0)] * 10
    scales = pdf.page_scales(sizes, 1000, 1_000_000)
    total = sum(w * h * s * s for (w, h), s in zip(sizes, scales, strict=True))
    assert total <= 1_000_000
    assert scales[0] / scales[1] == pytest.approx((1000 / 100) / (1000 / 200))


def test_bad_pdfs_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="not a PDF Sealroom can read"):
        list(pdf.iter_pages(b"%PDF-1.7\n garbage", "junk.pdf"))
    too_many = _pdf(tmp_path / "many.pdf", pdf.MAX_PAGES + 1, 100).read_bytes()
    with pytest.raises(InvalidInputError, match="at most 500"):
        decode_pages(too_many, "many.pdf")
