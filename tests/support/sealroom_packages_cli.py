"""A vault made through the real `sealroom` command, ready to issue share packages: small
photos, a brand with an age recipient, a signed NDA and preview grants."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import numpy as np
from PIL import Image
from sealroom_cli import run, run_json

PARTNER_PASSWORD = "partner password 1"


@dataclass
class PackageVault:
    folder: str
    env: dict[str, str]
    assets: list[str]
    brand: str

    @property
    def args(self) -> tuple[str, ...]:
        return ("--vault", self.folder)

    def share(self, verb: str, *options: str, code: int | None = 0) -> CompletedProcess[str]:
        """`sealroom share VERB OPTIONS` on this vault."""
        return run("share", verb, *options, *self.args, env=self.env, code=code)

    def share_json(self, verb: str, *options: str) -> Any:
        return run_json("share", verb, *options, *self.args, env=self.env)

    def add_party(self, name: str, recipient: str | None = None, allowed: bool = True) -> str:
        extra = ("--age-recipient", recipient) if recipient else ()
        party = run_json(
            "party", "add", "--name", name, "--kind", "brand", *extra, *self.args, env=self.env
        )["id"]
        if allowed:
            allow(self, party)
        return str(party)


def photo(path: Path, seed: int, size: tuple[int, int] = (320, 240)) -> Path:
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0 : size[1], 0 : size[0]]
    base = np.stack([x * 255 // size[0], y * 255 // size[1], (x * y) % 256], axis=-1)
    pixels = (base + rng.integers(0, 30, base.shape)) % 256
    Image.fromarray(pixels.astype(np.uint8)).save(path)
    return path


def allow(made: PackageVault, party: str) -> None:
    """A signed NDA of the party, and a preview grant to each asset."""
    run(
        "agreement",
        "add",
        "--kind",
        "nda",
        "--title",
        "Spring campaign NDA",
        "--party",
        party,
        "--effective",
        "2020-01-01",
        "--status",
        "signed",
        *made.args,
        env=made.env,
    )
    for asset in made.assets:
        run("grant", "--party", party, "--asset", asset, *made.args, env=made.env)


def package_vault(
    tmp_path: Path, env: dict[str, str], recipient: str, photos: int = 2
) -> PackageVault:
    folder = str(tmp_path / "agency.sealroom")
    run("init", "--vault", folder, "--user", "maya", env=env)
    ids = []
    for i in range(photos):
        path = photo(tmp_path / f"look-{i}.png", i)
        ids.append(
            run_json(
                "asset",
                "import",
                str(path),
                "--sensitivity",
                "confidential",
                "--vault",
                folder,
                env=env,
            )["id"]
        )
    made = PackageVault(folder, env, ids, "")
    made.brand = made.add_party("Lumen Cosmetics", recipient)
    return made


def identity_file(path: Path, env: dict[str, str]) -> str:
    """`sealroom identity new`: the partner's identity file; returns its age1 recipient."""
    partner_env = {**env, "SEALROOM_NEW_PASSWORD": PARTNER_PASSWORD}
    return str(run_json("identity", "new", "--out", str(path), env=partner_env)["recipient"])
