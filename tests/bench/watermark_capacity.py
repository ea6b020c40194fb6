"""What the PSNR budget allows on small previews: colluders that can be named, and a blind layer.

Two measurements behind design limits, printed by `make bench-watermark`:

1. Collusion. When k copies are averaged, every colluder's fingerprint is left at 1/k of its
   strength while the attack noise stays, so a colluder scores about z1 / k, where z1 is one
   leaked copy's score after the same attack. All k are named only if z1 / k clears the naming
   score for 1,000 recipients. The table gives z1 after 0.5x + JPEG 75 and the largest k it allows.
2. Blind layer under 1 MP. Small previews do not carry the blind layer. Here it is embedded at
   the large-preview strength anyway and read in the easiest way there is: knowing the true tile
   period and testing the 1,000 known share numbers (list detection, far easier than decoding a
   number blind). The true share must clear the naming score for 1,000 candidates.
"""

from __future__ import annotations

import numpy as np
from watermark_attacks import jpeg, resize

from sealroom.crypto.watermark import base_preview, embed_fingerprint, trace_image
from sealroom.crypto.watermark.blind import TILE, coded_signs, fold, soft_bits, whiten
from sealroom.crypto.watermark.embed import with_blind_layer
from sealroom.crypto.watermark.imaging import add_luma, luminance
from sealroom.crypto.watermark.mask import perceptual_mask
from sealroom.crypto.watermark.stats import naming_score

COPIES = 4


def _with_blind_layer(preview: np.ndarray, key: bytes, payload: int) -> np.ndarray:
    """The preview marked as a >= 1 MP preview is, whatever its size."""
    height, width = preview.shape[:2]
    field = with_blind_layer(key, payload, height, width)
    return add_luma(preview, perceptual_mask(luminance(preview)) * field)


def _list_scores(suspect: np.ndarray, key: bytes, payloads: list[int]) -> np.ndarray:
    soft = soft_bits(fold(whiten(luminance(suspect)), float(TILE), float(TILE)), key)
    table = np.stack([coded_signs(key, p) for p in payloads]).astype(np.float64)
    return table @ soft / max(float(np.linalg.norm(soft)), 1e-12)


def rows(pictures: list[tuple[str, np.ndarray]], key: bytes, payloads: list[int]) -> list[str]:
    threshold = naming_score(len(payloads))
    out = [
        f"{'preview':<28}{'MP':>6}{'z1 0.5x+jpeg75':>16}{'colluders all named':>21}"
        f"{'blind list z (true / best other)':>34}",
    ]
    for name, picture in pictures:
        reference = base_preview(picture)
        height, width = reference.shape[:2]
        single = []
        for i in range(COPIES):
            copy = embed_fingerprint(reference, key=key, payload=payloads[i])
            result = trace_image(jpeg(resize(copy, 0.5), 75), reference, key=key, payloads=payloads)
            single.append(next(c.score for c in result.candidates if c.payload == payloads[i]))
        z1 = float(np.median(single))
        blind = ""
        if height * width < 1_000_000:
            scores = _list_scores(_with_blind_layer(reference, key, payloads[0]), key, payloads)
            blind = f"{scores[0]:.1f} / {np.max(scores[1:]):.1f}"
        out.append(
            f"{name + f' {width}x{height}':<28}{height * width / 1e6:>6.2f}{z1:>16.1f}"
            f"{int(z1 // threshold):>21}{blind:>34}"
        )
    out.append(
        f"naming score for {len(payloads):,} recipients: z {threshold:.2f}; z1 is the median of "
        f"{COPIES} copies; colluders all named = floor(z1 / naming score); blind list z on an "
        "unattacked copy"
    )
    return out
