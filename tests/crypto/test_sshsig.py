"""SSH signatures made by the vault's key verify with OpenSSH's own `ssh-keygen -Y`, and back."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sealroom.crypto import sshsig
from sealroom.crypto.errors import CorruptDataError
from sealroom.crypto.signing import generate_signing_key

NAMESPACE = "sealroom-audit"
MESSAGE = b'{"seq":1,"action":"vault.unlock"}\n{"seq":2,"action":"asset.export"}\n'


def _ssh_verify(folder: Path, signers: str, signature: str, message: bytes, principal: str) -> bool:
    (folder / "allowed_signers").write_text(signers)
    (folder / "msg.sig").write_text(signature)
    result = subprocess.run(
        [
            "ssh-keygen",
            "-Y",
            "verify",
            "-f",
            str(folder / "allowed_signers"),
            "-I",
            principal,
            "-n",
            NAMESPACE,
            "-s",
            str(folder / "msg.sig"),
        ],
        input=message,
        capture_output=True,
        check=False,
    )
    return result.returncode == 0


def test_ssh_keygen_accepts_our_signature_and_rejects_an_edit(tmp_path: Path) -> None:
    private, public = generate_signing_key()
    signature = sshsig.sign_message(private, public, NAMESPACE, MESSAGE)
    signers = sshsig.allowed_signers_line("vlt_0123456789ab", public, NAMESPACE)
    assert _ssh_verify(tmp_path, signers, signature, MESSAGE, "vlt_0123456789ab")
    edited = MESSAGE.replace(b"export", b"exp0rt")
    assert not _ssh_verify(tmp_path, signers, signature, edited, "vlt_0123456789ab")
    assert not _ssh_verify(tmp_path, signers, signature, MESSAGE, "someone_else")


def test_fingerprint_is_the_one_ssh_keygen_prints(tmp_path: Path) -> None:
    _, public = generate_signing_key()
    (tmp_path / "key.pub").write_text(sshsig.public_key_line(public, "vault") + "\n")
    printed = subprocess.run(
        ["ssh-keygen", "-l", "-f", str(tmp_path / "key.pub")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert printed.split()[1] == sshsig.fingerprint(public)


def test_we_verify_a_signature_made_by_ssh_keygen(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    (tmp_path / "id").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.OpenSSH,
            serialization.NoEncryption(),
        )
    )
    (tmp_path / "id").chmod(0o600)
    (tmp_path / "msg").write_bytes(MESSAGE)
    subprocess.run(
        [
            "ssh-keygen",
            "-Y",
            "sign",
            "-f",
            str(tmp_path / "id"),
            "-n",
            NAMESPACE,
            str(tmp_path / "msg"),
        ],
        capture_output=True,
        check=True,
    )
    armored = (tmp_path / "msg.sig").read_text()
    public = key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    assert sshsig.verify_message(armored, NAMESPACE, MESSAGE).public_key == public
    with pytest.raises(CorruptDataError, match="does not match"):
        sshsig.verify_message(armored, NAMESPACE, MESSAGE + b"x")
    with pytest.raises(CorruptDataError, match="namespace"):
        sshsig.verify_message(armored, "other", MESSAGE)


@pytest.mark.parametrize(
    "damage",
    [
        lambda s: s.replace("-----BEGIN SSH SIGNATURE-----", ""),
        lambda s: s[:-60] + "\n-----END SSH SIGNATURE-----\n",
        lambda s: s.replace(s.splitlines()[1], s.splitlines()[1][:-4] + "!!!!"),
        lambda s: "x" * (sshsig.MAX_ARMOR + 1),
    ],
    ids=["no-armor", "truncated", "not-base64", "huge"],
)
def test_a_damaged_signature_is_a_clear_error(damage: object) -> None:
    private, public = generate_signing_key()
    armored = sshsig.sign_message(private, public, NAMESPACE, MESSAGE)
    with pytest.raises(CorruptDataError):
        sshsig.verify_message(damage(armored), NAMESPACE, MESSAGE)  # type: ignore[operator]
