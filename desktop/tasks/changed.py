"""The kinds of records a task may change, named in `workers.changes` and `vault_changed`.

A screen lists the kinds it shows (`SectionView.watches`); after a task that changed one of
them succeeds, the screen reads its records again (at once if it is showing, else when shown).
"""

from __future__ import annotations

ASSETS = "assets"
CAMPAIGNS = "campaigns"
AGREEMENTS = "agreements"
PARTIES = "parties"
GRANTS = "grants"
SHARES = "shares"
PACKAGES = "packages"
"""Share packages issued, revoked, or acknowledged by a receipt."""
PEOPLE = "people"
"""The vault's users (key slots), not the parties."""
