"""Assets listed a page at a time, searched and sorted in SQL; audit events paged by sequence."""

from __future__ import annotations

from pathlib import Path

import pytest

from sealroom.vault.assets import catalog as assets
from sealroom.vault.assets.importing import ImportOptions, import_files
from sealroom.vault.errors import InvalidInputError
from sealroom.vault.session import Vault


@pytest.fixture
def titled(vault: Vault, tmp_path: Path) -> dict[str, str]:
    ids = {}
    for title, size, tags in [
        ("Beta teaser", 300, ("video",)),
        ("alpha hero", 100, ("hero",)),
        ("Gamma 100% cotton", 200, ()),
        ("Delta_detail", 400, ("hero",)),
    ]:
        path = tmp_path / f"{len(ids)}.txt"
        path.write_bytes(b"x" * size)
        ids[title] = import_files(vault, [path], ImportOptions(title=title, tags=tags))[0].id
    return ids


def _titles(page: list[assets.Asset]) -> list[str]:
    return [a.title for a in page]


def test_pages_cover_every_asset_once_in_order(vault: Vault, titled: dict[str, str]) -> None:
    first = assets.list_assets_page(vault, sort="title", limit=3)
    rest = assets.list_assets_page(vault, sort="title", offset=3, limit=3)
    assert _titles(first + rest) == [
        "alpha hero",
        "Beta teaser",
        "Delta_detail",
        "Gamma 100% cotton",
    ]
    by_size = assets.list_assets_page(vault, sort="size", descending=True)
    assert [a.size for a in by_size] == [400, 300, 200, 100]


def test_search_matches_titles_and_tags_and_escapes_wildcards(
    vault: Vault, titled: dict[str, str]
) -> None:
    assert _titles(assets.list_assets_page(vault, search="HERO")) == ["alpha hero", "Delta_detail"]
    assert _titles(assets.list_assets_page(vault, search="100%")) == ["Gamma 100% cotton"]
    assert _titles(assets.list_assets_page(vault, search="a_d")) == ["Delta_detail"]
    assert assets.list_assets_page(vault, search="zzz") == []


def test_count_matches_the_pages_of_the_same_search(
    vault: Vault, titled: dict[str, str]
) -> None:
    assert assets.count_assets(vault) == 4
    assert assets.count_assets(vault, "hero") == len(assets.list_assets_page(vault, "hero")) == 2
    assert assets.count_assets(vault, "a_d") == 1
    assert assets.count_assets(vault, "zzz") == 0


def test_only_the_first_page_is_audited_and_the_search_text_is_not(
    vault: Vault, titled: dict[str, str]
) -> None:
    before = vault.audit.size
    assets.list_assets_page(vault, search="secret launch", limit=1)
    assets.list_assets_page(vault, search="secret launch", offset=1, limit=1)
    (event,) = vault.audit.events(limit=vault.audit.size - before)
    assert event.action == "asset.list"
    assert "secret" not in event.reason


def test_unknown_sort_is_refused(vault: Vault) -> None:
    with pytest.raises(InvalidInputError, match="cannot be sorted by"):
        assets.list_assets_page(vault, sort="title; DROP TABLE assets")


def test_audit_events_page_by_sequence(vault: Vault) -> None:
    with vault.transaction():
        for n in range(25):
            vault.audit.append("test.event", str(n))
    newest = vault.audit.events(limit=10)
    older = vault.audit.events(limit=10, before_seq=newest[-1].seq)
    assert [e.seq for e in newest + older] == list(
        range(vault.audit.size, vault.audit.size - 20, -1)
    )


def test_audit_search_reads_the_whole_log_below_its_top(vault: Vault) -> None:
    with vault.transaction():
        for n in range(30):
            vault.audit.append("test.event", f"obj_{n}", reason="odd" if n % 2 else "100% even")
    top = vault.audit.size
    with vault.transaction():
        vault.audit.append("test.event", "obj_later", reason="odd")
    assert vault.audit.count_matching("ODD", top) == 15
    found = vault.audit.search("odd", top, offset=0, limit=10)
    more = vault.audit.search("odd", top, offset=10, limit=10)
    assert [e.object for e in found + more] == [f"obj_{n}" for n in range(29, 0, -2)]
    assert vault.audit.count_matching("100%", top) == 15  # % is a character, not a wildcard
    assert vault.audit.count_matching("obj_1_", top) == 0  # and so is _
    assert vault.audit.count_matching("test.event", top + 1) == 31
