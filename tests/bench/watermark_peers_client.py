"""Client side of the peer worker (see watermark_peers.py), used by bench_watermark.py."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np

PEERS = ("blind-watermark", "dwtDct", "dwtDctSvd")
BENCH_PYTHON = Path(__file__).resolve().parents[2] / "build" / "bench-venv" / "bin" / "python"


class PeerError(RuntimeError):
    """The peer failed on this input (e.g. an image smaller than it supports)."""


class PeerWorker:
    def __init__(self) -> None:
        script = Path(__file__).with_name("watermark_peers.py")
        self._proc = subprocess.Popen(
            [str(BENCH_PYTHON), str(script)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )

    def _call(
        self, request: dict[str, object], image: np.ndarray
    ) -> tuple[dict[str, object], bytes]:
        assert self._proc.stdin is not None and self._proc.stdout is not None
        request["shape"] = list(image.shape)
        self._proc.stdin.write((json.dumps(request) + "\n").encode() + image.tobytes())
        self._proc.stdin.flush()
        line = self._proc.stdout.readline()
        if not line:
            raise RuntimeError("peer worker stopped")
        reply = json.loads(line)
        size = int(np.prod(reply["shape"])) if reply["shape"] != [0] else 0
        data = self._proc.stdout.read(size)
        if "error" in reply:
            raise PeerError(str(reply["error"]))
        return reply, data

    def embed(self, method: str, image: np.ndarray, bits: list[int]) -> np.ndarray:
        reply, data = self._call(
            {"op": "embed", "method": method, "bits": bits}, np.ascontiguousarray(image)
        )
        shape = tuple(int(v) for v in reply["shape"])  # type: ignore[union-attr]
        return np.frombuffer(data, np.uint8).reshape(shape).copy()

    def extract(self, method: str, image: np.ndarray, count: int) -> list[int]:
        reply, _ = self._call(
            {"op": "extract", "method": method, "count": count}, np.ascontiguousarray(image)
        )
        return list(reply["bits"])  # type: ignore[call-overload]

    def close(self) -> None:
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        self._proc.wait(timeout=30)


def start_peers() -> PeerWorker | None:
    """The worker, or None (with a printed note) when the peers are not installed."""
    if not BENCH_PYTHON.exists():
        print(f"note: {BENCH_PYTHON} missing; peers skipped (run `make bench-watermark`)")
        return None
    worker = PeerWorker()
    try:
        probe = np.random.default_rng(0).integers(0, 256, (300, 300, 3), dtype=np.uint8)
        worker.extract("dwtDct", worker.embed("dwtDct", probe, [1, 0] * 16), 32)
    except (RuntimeError, OSError, json.JSONDecodeError) as exc:
        print(f"note: peers could not run ({exc}); skipped")
        return None
    return worker
