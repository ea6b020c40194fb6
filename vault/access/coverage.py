"""The NDA rule: when sharing with a party needs that party's NDA, and whether one covers it.

An asset needs an NDA when it is `confidential` or `secret`, or under embargo (an embargo was
set and nobody released it). A campaign needs one while its launch is ahead or while any of its
assets needs one. An NDA covers the work when it is in force at the moment asked about (status
signed, effective, not past its expiry), the party is one of its parties, and its scope names
the asset, the asset's campaign, or (for a campaign) the campaign; an NDA with an empty scope
covers all the work with its parties.

Nothing here is stored: it is computed at the moment asked about, so an NDA's expiry turns the
grants it covered into exceptions without anyone touching them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sealroom.vault.agreements.records import Agreement, load_agreements
from sealroom.vault.assets.records import NDA_SENSITIVITIES
from sealroom.vault.errors import NotFoundError
from sealroom.vault.session import Vault
from sealroom.vault.store import query
from sealroom.vault.when import When, display, now_utc, stamp


@dataclass(frozen=True)
class Coverage:
    """Whether sharing `target_id` with `party_id` needs an NDA, and which one covers it."""

    party_id: str
    target_kind: str
    target_id: str
    target_title: str
    needs: tuple[str, ...]
    """Why an NDA is needed (empty: it is not), e.g. ('secret', 'under embargo until ...')."""
    nda_id: str | None = None
    nda_title: str | None = None
    lapsed: str | None = None
    """How an NDA that used to cover it ended, e.g. "NDA agr_... 'Spring' expired 2026-...". """

    @property
    def needs_nda(self) -> bool:
        return bool(self.needs)

    @property
    def covered(self) -> bool:
        return not self.needs or self.nda_id is not None

    def explanation(self, party_name: str) -> str:
        """One line for a person: why sharing is or is not allowed."""
        what = f"{self.target_kind} {self.target_id} '{self.target_title}'"
        if not self.needs:
            return f"{what} needs no NDA"
        if self.nda_id is not None:
            return f"{what} is covered by NDA {self.nda_id} '{self.nda_title}'"
        lapsed = f" ({self.lapsed})" if self.lapsed else ""
        return (
            f"{what} is {' and '.join(self.needs)}; {party_name} has no signed, unexpired NDA "
            f"covering it{lapsed}"
        )


@dataclass(frozen=True)
class _AssetFacts:
    title: str
    sensitivity: str
    embargo_until: str | None
    embargo_zone: str | None
    released: str | None
    campaign_id: str | None


class CoverageIndex:
    """Answers coverage questions at one moment; loads each NDA, asset and campaign once."""

    def __init__(self, vault: Vault, now: datetime | None = None) -> None:
        self._vault = vault
        self.now = now or now_utc()
        self._now_text = stamp(self.now)
        self._ndas = load_agreements(vault, "kind = 'nda'")
        self._assets: dict[str, _AssetFacts] = {}
        self._campaigns: dict[str, tuple[str, str | None, str | None]] = {}
        self._campaign_needs: dict[str, tuple[str, ...]] = {}

    def asset(self, asset_id: str) -> _AssetFacts:
        if asset_id not in self._assets:
            rows = query(
                self._vault.conn,
                "SELECT title, sensitivity, embargo_until, embargo_zone, released, campaign_id"
                " FROM assets WHERE id = ?",
                (asset_id,),
            )
            if not rows:
                raise NotFoundError(f"no asset with id {asset_id}")
            self._assets[asset_id] = _AssetFacts(*rows[0])
        return self._assets[asset_id]

    def campaign(self, campaign_id: str) -> tuple[str, str | None, str | None]:
        """(name, launch, launch zone)."""
        if campaign_id not in self._campaigns:
            rows = query(
                self._vault.conn,
                "SELECT name, launch, launch_zone FROM campaigns WHERE id = ?",
                (campaign_id,),
            )
            if not rows:
                raise NotFoundError(f"no campaign with id {campaign_id}")
            self._campaigns[campaign_id] = (rows[0][0], rows[0][1], rows[0][2])
        return self._campaigns[campaign_id]

    def asset_needs(self, asset_id: str) -> tuple[str, ...]:
        facts = self.asset(asset_id)
        needs: list[str] = []
        if facts.sensitivity in NDA_SENSITIVITIES:
            needs.append(facts.sensitivity)
        if facts.embargo_until is not None and facts.released is None:
            needs.append(f"under embargo until {display(facts.embargo_until, facts.embargo_zone)}")
        return tuple(needs)

    def campaign_needs(self, campaign_id: str) -> tuple[str, ...]:
        if campaign_id not in self._campaign_needs:
            _, launch, zone = self.campaign(campaign_id)
            needs: list[str] = []
            if launch is not None and launch > self._now_text:
                needs.append(f"launching {When.stored(launch, zone).display()}")
            protected = query(
                self._vault.conn,
                "SELECT count(*) FROM assets WHERE campaign_id = ? AND (sensitivity IN (?, ?)"
                " OR (embargo_until IS NOT NULL AND released IS NULL))",
                (campaign_id, *NDA_SENSITIVITIES),
            )[0][0]
            if protected:
                needs.append(f"holding {protected} confidential or embargoed assets")
            self._campaign_needs[campaign_id] = tuple(needs)
        return self._campaign_needs[campaign_id]

    def _covers(self, nda: Agreement, asset_id: str | None, campaign_id: str | None) -> bool:
        if nda.general:
            return True
        if asset_id is not None:
            facts = self.asset(asset_id)
            return asset_id in nda.asset_ids or (
                facts.campaign_id is not None and facts.campaign_id in nda.campaign_ids
            )
        return campaign_id in nda.campaign_ids

    def _find(
        self, party_id: str, asset_id: str | None, campaign_id: str | None
    ) -> tuple[Agreement | None, Agreement | None]:
        """(an NDA in force covering it, the most recently ended one that covered it)."""
        in_force: Agreement | None = None
        lapsed: Agreement | None = None
        for nda in self._ndas:
            if party_id not in nda.party_ids or not self._covers(nda, asset_id, campaign_id):
                continue
            if nda.in_force(self.now):
                if in_force is None or (nda.expires or "9") > (in_force.expires or "9"):
                    in_force = nda
            elif nda.status_at(self.now) in ("expired", "terminated") and (
                lapsed is None or _ended(nda) > _ended(lapsed)
            ):
                lapsed = nda
        return in_force, lapsed

    def for_asset(self, party_id: str, asset_id: str) -> Coverage:
        facts = self.asset(asset_id)
        return self._coverage(party_id, "asset", asset_id, facts.title, self.asset_needs(asset_id))

    def for_campaign(self, party_id: str, campaign_id: str) -> Coverage:
        name = self.campaign(campaign_id)[0]
        needs = self.campaign_needs(campaign_id)
        return self._coverage(party_id, "campaign", campaign_id, name, needs)

    def _coverage(
        self, party_id: str, kind: str, target_id: str, title: str, needs: tuple[str, ...]
    ) -> Coverage:
        if not needs:
            return Coverage(party_id, kind, target_id, title, ())
        asset_id = target_id if kind == "asset" else None
        campaign_id = target_id if kind == "campaign" else None
        nda, lapsed = self._find(party_id, asset_id, campaign_id)
        if nda is not None:
            return Coverage(party_id, kind, target_id, title, needs, nda.id, nda.title)
        note = None
        if lapsed is not None:
            how = "terminated" if lapsed.status == "terminated" else "expired"
            note = f"NDA {lapsed.id} '{lapsed.title}' {how} {_ended(lapsed)[:10]}"
        return Coverage(party_id, kind, target_id, title, needs, lapsed=note)


def _ended(nda: Agreement) -> str:
    return nda.terminated or nda.expires or ""


def coverage_for(
    vault: Vault,
    party_id: str,
    *,
    asset_id: str | None = None,
    campaign_id: str | None = None,
    now: datetime | None = None,
) -> Coverage:
    """Whether sharing an asset or a campaign with a party needs an NDA, and which covers it.

    For the GUI to say before a grant is attempted whether it would be refused.
    """
    vault.require_content("check NDA coverage")
    index = CoverageIndex(vault, now)
    if asset_id is not None:
        return index.for_asset(party_id, asset_id)
    if campaign_id is not None:
        return index.for_campaign(party_id, campaign_id)
    raise NotFoundError("name an asset or a campaign")
