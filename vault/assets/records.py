"""The asset records: the current version's row, its history of versions, and how they load."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sealroom.vault.errors import InvalidInputError, NotFoundError
from sealroom.vault.media.files import kind_of
from sealroom.vault.session import Vault
from sealroom.vault.store import contains_pattern, query
from sealroom.vault.when import display

SENSITIVITIES = ("internal", "confidential", "secret")
NDA_SENSITIVITIES = ("confidential", "secret")
"""Sharing an asset of these levels with a party needs that party's NDA (see `coverage`)."""

COLUMNS = (
    "id, title, original_name, media_type, size, sha256, blob_id, created, created_by,"
    " campaign_id, sensitivity, embargo_until, embargo_zone, released, released_by,"
    " thumbnail_blob_id, version"
)
_SELECT = (
    "SELECT "
    + ", ".join(f"a.{c.strip()}" for c in COLUMNS.split(","))
    + ", c.name, (SELECT group_concat(tag, char(31)) FROM"
    " (SELECT tag FROM asset_tags t WHERE t.asset_id = a.id ORDER BY tag))"
    " FROM assets a LEFT JOIN campaigns c ON c.id = a.campaign_id"
)


@dataclass(frozen=True)
class Asset:
    """An asset as it is now (its newest version), with what a table of assets shows."""

    id: str
    title: str
    original_name: str
    media_type: str
    size: int
    sha256: str
    blob_id: str
    created: str
    created_by: str
    campaign_id: str | None = None
    sensitivity: str = "confidential"
    embargo_until: str | None = None
    """UTC instant of the planned embargo lift; the embargo holds until someone releases it."""
    embargo_zone: str | None = None
    released: str | None = None
    released_by: str | None = None
    thumbnail_blob_id: str | None = None
    version: int = 1
    campaign_name: str | None = None
    tags: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        return kind_of(self.media_type)

    @property
    def embargoed(self) -> bool:
        """Under embargo: an embargo was set and nobody has released it yet."""
        return self.embargo_until is not None and self.released is None

    @property
    def embargo_display(self) -> str | None:
        return display(self.embargo_until, self.embargo_zone)

    @property
    def has_thumbnail(self) -> bool:
        return self.thumbnail_blob_id is not None

    def to_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["tags"] = list(self.tags)
        data["kind"] = self.kind
        data["embargoed"] = self.embargoed
        data["embargo_display"] = self.embargo_display
        return data


@dataclass(frozen=True)
class AssetVersion:
    asset_id: str
    version: int
    original_name: str
    media_type: str
    size: int
    sha256: str
    blob_id: str
    thumbnail_blob_id: str | None
    note: str
    created: str
    created_by: str
    current: bool = False

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


VERSION_COLUMNS = (
    "asset_id, version, original_name, media_type, size, sha256, blob_id, thumbnail_blob_id,"
    " note, created, created_by"
)


def _asset(row: tuple[Any, ...]) -> Asset:
    tags = tuple(row[-1].split("\x1f")) if row[-1] else ()
    return replace(Asset(*row[:-1]), tags=tags)


def load_assets(vault: Vault, where: str = "", params: tuple[Any, ...] = ()) -> list[Asset]:
    """Assets matching an SQL condition on `a` (assets) and `c` (campaigns), oldest first."""
    sql = _SELECT + (f" WHERE {where}" if where else "") + " ORDER BY a.created, a.id"
    return [_asset(r) for r in query(vault.conn, sql, params)]


SORT_KEYS = {
    "title": "a.title COLLATE NOCASE",
    "campaign": "coalesce(c.name, '') COLLATE NOCASE",
    "sensitivity": (
        "CASE a.sensitivity WHEN 'internal' THEN 0 WHEN 'confidential' THEN 1 ELSE 2 END"
    ),
    "embargo": "a.released IS NULL, coalesce(a.embargo_until, '')",
    "size": "a.size",
    "created": "a.created",
}
"""What a page of assets can be sorted by (the columns of a table of assets)."""


def _search_clause(search: str) -> tuple[str, tuple[str, ...]]:
    """The WHERE clause (and its parameter) of a search of the assets table `a` joined with
    its campaign `c`; empty for an empty search."""
    text = search.strip()
    if not text:
        return "", ()
    where = (
        " WHERE a.title LIKE ?1 ESCAPE '\\' OR a.original_name LIKE ?1 ESCAPE '\\'"
        " OR c.name LIKE ?1 ESCAPE '\\' OR a.sensitivity LIKE ?1 ESCAPE '\\'"
        " OR EXISTS (SELECT 1 FROM asset_tags t WHERE t.asset_id = a.id"
        " AND t.tag LIKE ?1 ESCAPE '\\')"
    )
    return where, (contains_pattern(text),)


def count_asset_matches(vault: Vault, search: str) -> int:
    """How many assets `load_asset_page` lists for this search, over all its pages."""
    where, params = _search_clause(search)
    sql = f"SELECT count(*) FROM assets a LEFT JOIN campaigns c ON c.id = a.campaign_id{where}"
    return int(query(vault.conn, sql, params)[0][0])


def load_asset_page(
    vault: Vault, search: str, sort: str, descending: bool, offset: int, limit: int
) -> list[Asset]:
    """One page of the assets whose title, file name, campaign, sensitivity or tags contain
    `search` (case-insensitive), in `sort` order (a key of SORT_KEYS; ties by id).

    Sorting and searching run in SQL, so a table of 100k assets only ever holds what it shows.
    """
    if sort not in SORT_KEYS:
        raise InvalidInputError(f"assets cannot be sorted by {sort!r}")
    direction = " DESC" if descending else ""
    order = ", ".join(f"{key}{direction}" for key in SORT_KEYS[sort].split(", "))
    where, params = _search_clause(search)
    ids = (
        "SELECT a.id FROM assets a LEFT JOIN campaigns c ON c.id = a.campaign_id"
        f"{where} ORDER BY {order}, a.id{direction} LIMIT {int(limit)} OFFSET {int(offset)}"
    )
    found = [str(r[0]) for r in query(vault.conn, ids, params)]
    if not found:
        return []
    marks = ",".join("?" * len(found))
    by_id = {
        a.id: a
        for a in (
            _asset(r)
            for r in query(vault.conn, _SELECT + f" WHERE a.id IN ({marks})", tuple(found))
        )
    }
    return [by_id[i] for i in found if i in by_id]


def load_asset(vault: Vault, asset_id: str) -> Asset:
    vault.require_content("read assets")
    found = load_assets(vault, "a.id = ?", (asset_id,))
    if not found:
        raise NotFoundError(f"no asset with id {asset_id}")
    return found[0]


def load_versions(vault: Vault, asset_id: str) -> list[AssetVersion]:
    current = load_asset(vault, asset_id).version
    rows = query(
        vault.conn,
        f"SELECT {VERSION_COLUMNS} FROM asset_versions WHERE asset_id = ? ORDER BY version",
        (asset_id,),
    )
    return [replace(AssetVersion(*r), current=r[1] == current) for r in rows]


def check_sensitivity(sensitivity: str) -> str:
    if sensitivity not in SENSITIVITIES:
        raise InvalidInputError(
            f"sensitivity must be one of: {', '.join(SENSITIVITIES)}", field="sensitivity"
        )
    return sensitivity


def clean_tags(tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Lower-case, trimmed, unique, sorted; a tag is one line of at most 40 characters."""
    cleaned = set()
    for tag in tags:
        text = tag.strip().lower().removeprefix("#")
        if not text:
            continue
        if len(text) > 40 or any(ch in text for ch in "\n\r\t,\x1f"):
            raise InvalidInputError(
                f"'{tag}' is not a tag (one word or phrase, up to 40 chars)", field="tags"
            )
        cleaned.add(text)
    return tuple(sorted(cleaned))
