"""Changing an asset's title, campaign, sensitivity, embargo and tags.

Two changes would side-step the release rules and are refused: lifting an embargo here (use
`release.release_asset`, which runs the guard), and lowering a secret asset's sensitivity while
it is under embargo (its release needs a second person's approval).
"""

from __future__ import annotations

from collections.abc import Sequence

from sealroom.vault.assets.records import Asset, check_sensitivity, clean_tags, load_asset
from sealroom.vault.errors import InvalidInputError, NotFoundError
from sealroom.vault.session import Vault
from sealroom.vault.store import query
from sealroom.vault.when import When, now_utc


def edit_asset(
    vault: Vault,
    asset_id: str,
    *,
    title: str | None = None,
    campaign_id: str | None = None,
    clear_campaign: bool = False,
    sensitivity: str | None = None,
    embargo_until: When | None = None,
    tags: Sequence[str] | None = None,
) -> Asset:
    """Change the given fields (`tags` replaces the tags); one audit event names the changes."""
    vault.require_content("edit assets")
    current = load_asset(vault, asset_id)
    changed: list[str] = []
    new_title = current.title
    if title is not None:
        if not title.strip():
            raise InvalidInputError("an asset needs a title", field="title")
        new_title = title.strip()
    new_campaign = current.campaign_id
    if campaign_id is not None and clear_campaign:
        raise InvalidInputError("give a campaign or clear it, not both", field="campaign_id")
    if campaign_id is not None:
        if not query(vault.conn, "SELECT 1 FROM campaigns WHERE id = ?", (campaign_id,)):
            raise NotFoundError(f"no campaign with id {campaign_id}")
        new_campaign = campaign_id
    elif clear_campaign:
        new_campaign = None
    new_sensitivity = current.sensitivity
    if sensitivity is not None:
        check_sensitivity(sensitivity)
        if current.sensitivity == "secret" and sensitivity != "secret" and current.embargoed:
            raise InvalidInputError(
                f"{asset_id} is secret and under embargo; release it first "
                "(a second owner or manager approves), then change its sensitivity",
                field="sensitivity",
            )
        new_sensitivity = sensitivity
    new_embargo, new_zone = current.embargo_until, current.embargo_zone
    if embargo_until is not None:
        if current.released is not None:
            raise InvalidInputError(
                f"{asset_id} was released on {current.released[:10]}; it cannot be embargoed again",
                field="embargo_until",
            )
        if embargo_until.utc <= now_utc():
            raise InvalidInputError(
                f"the embargo time {embargo_until.display()} is in the past", field="embargo_until"
            )
        new_embargo, new_zone = embargo_until.text, embargo_until.zone
    new_tags = current.tags if tags is None else clean_tags(list(tags))
    for name, old, new in (
        ("title", current.title, new_title),
        ("campaign", current.campaign_id, new_campaign),
        ("sensitivity", current.sensitivity, new_sensitivity),
        ("embargo", current.embargo_until, new_embargo),
        ("tags", current.tags, new_tags),
    ):
        if old != new:
            shown = name in ("sensitivity", "embargo", "campaign")  # titles and tags stay out
            changed.append(f"{name} {old or '-'} -> {new or '-'}" if shown else name)
    if not changed:
        return current
    with vault.transaction() as conn:
        conn.execute(
            "UPDATE assets SET title=?, campaign_id=?, sensitivity=?, embargo_until=?,"
            " embargo_zone=? WHERE id=?",
            (new_title, new_campaign, new_sensitivity, new_embargo, new_zone, asset_id),
        )
        if tags is not None:
            conn.execute("DELETE FROM asset_tags WHERE asset_id = ?", (asset_id,))
            for tag in new_tags:
                conn.execute(
                    "INSERT INTO asset_tags (asset_id, tag) VALUES (?, ?)", (asset_id, tag)
                )
        vault.audit.append("asset.edit", asset_id, reason="; ".join(changed))
    return load_asset(vault, asset_id)
