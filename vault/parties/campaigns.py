"""Campaigns: a brand's launch with its influencers, assets and agreements.

The launch is the campaign's embargo: an asset imported into a campaign whose launch is ahead is
embargoed until then (see `assets.importing`), and a grant on a campaign needs an NDA while the
launch is ahead (see `coverage`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sealroom.vault.errors import InvalidInputError, NotFoundError
from sealroom.vault.parties.directory import Party, active_party
from sealroom.vault.records import new_id, utc_now
from sealroom.vault.session import Vault
from sealroom.vault.store import query
from sealroom.vault.when import When, display

_SELECT = """
SELECT c.id, c.name, c.brand_id, b.name, c.launch, c.launch_zone, c.notes, c.created,
       c.created_by, c.updated,
       (SELECT count(*) FROM assets a WHERE a.campaign_id = c.id),
       (SELECT group_concat(agreement_id, ',') FROM agreement_campaigns g
         WHERE g.campaign_id = c.id)
FROM campaigns c LEFT JOIN parties b ON b.id = c.brand_id
"""


@dataclass(frozen=True)
class Campaign:
    id: str
    name: str
    brand_id: str | None
    brand_name: str | None
    launch: str | None
    """UTC instant of the launch (the embargo), or None."""
    launch_zone: str | None
    notes: str
    created: str
    created_by: str
    updated: str
    asset_count: int = 0
    agreement_ids: tuple[str, ...] = ()
    influencer_ids: tuple[str, ...] = ()
    influencer_names: tuple[str, ...] = ()

    @property
    def launch_display(self) -> str | None:
        return display(self.launch, self.launch_zone)

    def to_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        for key in ("agreement_ids", "influencer_ids", "influencer_names"):
            data[key] = list(data[key])
        data["launch_display"] = self.launch_display
        return data


def _load(vault: Vault, where: str = "", params: tuple[Any, ...] = ()) -> list[Campaign]:
    sql = _SELECT + (f" WHERE {where}" if where else "") + " ORDER BY c.name, c.id"
    rows = query(vault.conn, sql, params)
    people: dict[str, list[tuple[str, str]]] = {}
    for campaign_id, party_id, name in query(
        vault.conn,
        "SELECT ci.campaign_id, p.id, p.name FROM campaign_influencers ci"
        " JOIN parties p ON p.id = ci.party_id ORDER BY p.name",
    ):
        people.setdefault(campaign_id, []).append((party_id, name))
    found = []
    for r in rows:
        members = people.get(r[0], [])
        agreements = tuple(sorted(r[11].split(","))) if r[11] else ()
        found.append(
            replace(
                Campaign(*r[:10]),
                asset_count=int(r[10]),
                agreement_ids=agreements,
                influencer_ids=tuple(p for p, _ in members),
                influencer_names=tuple(n for _, n in members),
            )
        )
    return found


def get_campaign(vault: Vault, campaign_id: str) -> Campaign:
    vault.require_content("read campaigns")
    found = _load(vault, "c.id = ?", (campaign_id,))
    if not found:
        raise NotFoundError(f"no campaign with id {campaign_id}")
    return found[0]


def list_campaigns(vault: Vault) -> list[Campaign]:
    vault.require_content("list campaigns")
    with vault.transaction():
        vault.audit.append("campaign.list")
    return _load(vault)


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _check_brand(vault: Vault, brand_id: str | None) -> Party | None:
    if brand_id is None:
        return None
    brand = active_party(vault, brand_id, "be a campaign's brand", "brand_id")
    if brand.kind != "brand":
        raise InvalidInputError(
            f"{brand.name} ({brand.id}) is {_a(brand.kind)}, not a brand", field="brand_id"
        )
    return brand


def _check_influencers(vault: Vault, influencer_ids: Sequence[str]) -> tuple[str, ...]:
    unique = tuple(dict.fromkeys(influencer_ids))
    for party_id in unique:
        party = active_party(vault, party_id, "join a campaign", "influencer_ids")
        if party.kind != "influencer":
            raise InvalidInputError(
                f"{party.name} ({party.id}) is {_a(party.kind)}, not an influencer",
                field="influencer_ids",
            )
    return unique


def add_campaign(
    vault: Vault,
    name: str,
    brand_id: str | None = None,
    launch: When | None = None,
    influencer_ids: Sequence[str] = (),
    notes: str = "",
) -> Campaign:
    vault.require_content("add campaigns")
    if not name.strip():
        raise InvalidInputError("a campaign needs a name", field="name")
    _check_brand(vault, brand_id)
    influencers = _check_influencers(vault, influencer_ids)
    campaign_id = new_id("cmp")
    now = utc_now()
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO campaigns (id, name, brand_id, launch, launch_zone, notes, created,"
            " created_by, updated) VALUES (?,?,?,?,?,?,?,?,?)",
            (
                campaign_id,
                name.strip(),
                brand_id,
                launch.text if launch else None,
                launch.zone if launch else None,
                notes.strip(),
                now,
                vault.actor.user,
                now,
            ),
        )
        for party_id in influencers:
            conn.execute(
                "INSERT INTO campaign_influencers (campaign_id, party_id) VALUES (?, ?)",
                (campaign_id, party_id),
            )
        detail = f"launch {launch.text}" if launch else "no launch date"
        vault.audit.append("campaign.add", campaign_id, reason=detail)
    return get_campaign(vault, campaign_id)


def edit_campaign(
    vault: Vault,
    campaign_id: str,
    *,
    name: str | None = None,
    brand_id: str | None = None,
    launch: When | None = None,
    clear_launch: bool = False,
    influencer_ids: Sequence[str] | None = None,
    notes: str | None = None,
) -> Campaign:
    """Change the given fields; `influencer_ids` replaces the list. Assets keep their embargo."""
    current = get_campaign(vault, campaign_id)
    if name is not None and not name.strip():
        raise InvalidInputError("a campaign needs a name", field="name")
    if launch is not None and clear_launch:
        raise InvalidInputError("give a new launch or clear it, not both", field="launch")
    _check_brand(vault, brand_id)
    influencers = None if influencer_ids is None else _check_influencers(vault, influencer_ids)
    changed: list[str] = []
    new_name = name.strip() if name is not None else current.name
    new_brand = brand_id if brand_id is not None else current.brand_id
    new_launch, new_zone = current.launch, current.launch_zone
    if launch is not None:
        new_launch, new_zone = launch.text, launch.zone
    elif clear_launch:
        new_launch, new_zone = None, None
    new_notes = notes.strip() if notes is not None else current.notes
    for field, old, new in (
        ("name", current.name, new_name),
        ("brand", current.brand_id, new_brand),
        ("launch", current.launch, new_launch),
        ("notes", current.notes, new_notes),
    ):
        if old != new:
            changed.append(field)
    if influencers is not None and set(influencers) != set(current.influencer_ids):
        changed.append("influencers")
    if not changed:
        return current
    with vault.transaction() as conn:
        conn.execute(
            "UPDATE campaigns SET name=?, brand_id=?, launch=?, launch_zone=?, notes=?, updated=?"
            " WHERE id=?",
            (new_name, new_brand, new_launch, new_zone, new_notes, utc_now(), campaign_id),
        )
        if influencers is not None:
            conn.execute("DELETE FROM campaign_influencers WHERE campaign_id = ?", (campaign_id,))
            for party_id in influencers:
                conn.execute(
                    "INSERT INTO campaign_influencers (campaign_id, party_id) VALUES (?, ?)",
                    (campaign_id, party_id),
                )
        vault.audit.append("campaign.edit", campaign_id, reason="changed " + ", ".join(changed))
    return get_campaign(vault, campaign_id)


def campaign_handles(vault: Vault, campaign_id: str) -> set[str]:
    """Lower-case handles (no @) of the campaign's brand, influencers and agreement parties."""
    rows = query(
        vault.conn,
        """
        SELECT p.handle FROM parties p WHERE p.handle IS NOT NULL AND (
            p.id = (SELECT brand_id FROM campaigns WHERE id = ?1)
            OR p.id IN (SELECT party_id FROM campaign_influencers WHERE campaign_id = ?1)
            OR p.id IN (SELECT ap.party_id FROM agreement_parties ap
                        JOIN agreement_campaigns ac ON ac.agreement_id = ap.agreement_id
                        WHERE ac.campaign_id = ?1))
        """,
        (campaign_id,),
    )
    return {str(r[0]).lower() for r in rows}
