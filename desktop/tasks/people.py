"""The vault calls of People (owners only): who can unlock the vault, and changing that.

Each derives keys with Argon2id on the vault thread (a second or so), never on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from sealroom.crypto.keyslots import Role
from sealroom.desktop.i18n import translate
from sealroom.desktop.tasks.changed import PEOPLE
from sealroom.desktop.workers import Job, changes
from sealroom.vault import users
from sealroom.vault.session import Vault


@dataclass(frozen=True)
class PersonFields:
    name: str
    role: str
    password: str


def list_people(vault: Vault, job: Job) -> list[users.User]:
    return users.list_users(vault)


@changes(PEOPLE)
def add_person(vault: Vault, job: Job, fields: PersonFields) -> users.User:
    return users.add_user(vault, fields.name, Role(fields.role), fields.password)


@changes(PEOPLE)
def change_password(vault: Vault, job: Job, name: str, password: str) -> str:
    users.change_password(vault, name, password)
    return name


@changes(PEOPLE)
def remove_person(vault: Vault, job: Job, name: str) -> str:
    """Remove the person's key slot and rotate every key they held (re-encrypting the vault)."""
    job.say(translate("PeopleDialog", "Removing {name} and rotating the vault's keys…").format(
        name=name))
    users.remove_user(vault, name)
    return name
