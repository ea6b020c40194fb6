"""Meeting the outbound rule in tests that are about something else (tracing, the Shares screen):
a signed NDA of the party covering all its work, and a preview grant to the asset."""

from __future__ import annotations

from datetime import timedelta

from sealroom.vault.access.grants import grant_access
from sealroom.vault.agreements.contracts import NewAgreement, add_agreement
from sealroom.vault.session import Vault
from sealroom.vault.when import When, now_utc


def allow_copies(vault: Vault, party_id: str, *asset_ids: str) -> None:
    """Let `party_id` receive copies of the (not secret) assets: an NDA, then a grant each."""
    now = now_utc()
    nda = NewAgreement(
        kind="nda",
        title="Mutual NDA",
        party_ids=(party_id,),
        effective=When(now - timedelta(days=30), "UTC"),
        expires=When(now + timedelta(days=365), "UTC"),
        status="signed",
    )
    add_agreement(vault, nda)
    for asset_id in asset_ids:
        grant_access(vault, party_id, asset_id=asset_id)
