"""Every source folder is listed in pyproject.toml, or the wheel would silently lack it."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).parent.parent


def package_of(folder: Path, mapping: dict[str, str]) -> str:
    """The package a source folder installs as: named by the deepest package-dir holding it,
    so `desktop/cli` is `sealroom.cli` (its own entry) and not `sealroom.desktop.cli`."""
    holders = [
        (package, ROOT / root)
        for package, root in mapping.items()
        if folder == ROOT / root or (ROOT / root) in folder.parents
    ]
    package, root = max(holders, key=lambda held: len(held[1].parts))
    return ".".join([package, *folder.relative_to(root).parts])


def test_every_code_folder_is_a_listed_package() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    mapping = config["tool"]["setuptools"]["package-dir"]
    found = {
        package_of(init.parent, mapping)
        for root in mapping.values()
        for init in (ROOT / root).rglob("__init__.py")
    }
    assert found == listed


def test_a_nested_package_dir_is_its_own_package() -> None:
    mapping = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-dir"
    ]
    assert mapping["sealroom.cli"] == "desktop/cli"
    assert package_of(ROOT / "desktop" / "cli", mapping) == "sealroom.cli"
    assert package_of(ROOT / "desktop" / "views", mapping) == "sealroom.desktop.views"


def test_ci_runs_make_test() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text()
