"""Worker that runs the PyPI peers (blind-watermark, invisible-watermark) for the benchmark.

Runs in its own virtual environment (build/bench-venv). Protocol on stdin/stdout: one JSON line
per request followed by `nbytes` of raw uint8 RGB pixels; the reply has the same shape.
"""

from __future__ import annotations

import json
import os
import sys
import types

import numpy as np

# The peers import heavy optional back-ends at module level that the DWT methods never use.
for _name in ("torch", "onnxruntime", "onnx"):
    sys.modules.setdefault(_name, types.ModuleType(_name))

_OUT = os.fdopen(os.dup(1), "wb")
os.dup2(2, 1)  # the peers print banners; keep them out of the protocol

from blind_watermark import WaterMark  # noqa: E402
from imwatermark import WatermarkDecoder, WatermarkEncoder  # noqa: E402


def embed(method: str, rgb: np.ndarray, bits: list[int]) -> np.ndarray:
    bgr = np.ascontiguousarray(rgb[..., ::-1])
    if method == "blind-watermark":
        mark = WaterMark(password_img=1, password_wm=1)
        mark.read_img(img=bgr)
        mark.read_wm([bool(b) for b in bits], mode="bit")
        out = mark.embed()
    else:
        encoder = WatermarkEncoder()
        encoder.set_watermark("bits", bits)
        out = encoder.encode(bgr, method)
    return np.clip(np.rint(np.asarray(out, np.float32)), 0, 255).astype(np.uint8)[..., ::-1]


def extract(method: str, rgb: np.ndarray, count: int) -> list[int]:
    bgr = np.ascontiguousarray(rgb[..., ::-1])
    if method == "blind-watermark":
        bits = WaterMark(password_img=1, password_wm=1).extract(
            embed_img=bgr, wm_shape=count, mode="bit"
        )
        return [int(b > 0.5) for b in np.asarray(bits).ravel()]
    return [int(b) for b in WatermarkDecoder("bits", count).decode(bgr, method)]


def main() -> None:
    stdin = sys.stdin.buffer
    while line := stdin.readline():
        request = json.loads(line)
        shape = tuple(request["shape"])
        image = np.frombuffer(stdin.read(int(np.prod(shape))), np.uint8).reshape(shape)
        payload = b""
        try:
            if request["op"] == "embed":
                out = np.ascontiguousarray(embed(request["method"], image, request["bits"]))
                reply: dict[str, object] = {"shape": list(out.shape)}
                payload = out.tobytes()
            else:
                bits = extract(request["method"], image, request["count"])
                reply = {"bits": bits, "shape": [0]}
        except Exception as exc:  # a peer failing on one image must not end the run
            reply = {"error": f"{type(exc).__name__}: {exc}", "shape": [0]}
        _OUT.write((json.dumps(reply) + "\n").encode() + payload)
        _OUT.flush()


if __name__ == "__main__":
    main()
