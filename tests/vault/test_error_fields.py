"""Refusals name the input at fault (`InvalidInputError.field`), in the use-case's own words;
no message names a command-line option."""

from __future__ import annotations

import ast
from datetime import timedelta
from pathlib import Path

import pytest

from sealroom.vault.access.grants import grant_access
from sealroom.vault.errors import InvalidInputError
from sealroom.vault.parties.campaigns import add_campaign
from sealroom.vault.parties.directory import add_party
from sealroom.vault.session import Vault
from sealroom.vault.when import When, now_utc, parse_when

VAULT_SOURCES = Path(__file__).resolve().parents[2] / "vault"


def test_a_grant_ending_in_the_past_names_valid_until(vault: Vault) -> None:
    party = add_party(vault, "Ana Duarte", "influencer")
    campaign = add_campaign(vault, "Spring Glow")
    past = When(now_utc() - timedelta(days=1), "UTC")
    with pytest.raises(InvalidInputError) as refused:
        grant_access(vault, party.id, campaign_id=campaign.id, valid_until=past)
    assert refused.value.field == "valid_until"
    with pytest.raises(InvalidInputError) as refused:
        grant_access(vault, party.id, campaign_id=campaign.id, level="everything")
    assert refused.value.field == "level"


def test_a_party_without_a_name_names_name(vault: Vault) -> None:
    with pytest.raises(InvalidInputError) as refused:
        add_party(vault, "  ", "brand")
    assert refused.value.field == "name"


def test_parse_when_carries_the_field_it_is_given() -> None:
    with pytest.raises(InvalidInputError) as refused:
        parse_when("next friday", "UTC", what="launch", field="launch")
    assert refused.value.field == "launch"
    assert "is not a launch" in str(refused.value)
    with pytest.raises(InvalidInputError) as refused:
        parse_when("2026-03-01 09:00 Mars/Olympus", what="embargo", field="embargo_until")
    assert refused.value.field == "embargo_until"


def test_no_vault_message_names_a_command_line_option() -> None:
    offenders = []
    for source in VAULT_SOURCES.rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in docstrings and " --" in f" {node.value}"
                    and any(w.startswith("--") and w[2:3].isalpha() for w in node.value.split())):
                offenders.append(f"{source.name}:{node.lineno}: {node.value}")
    assert offenders == []
