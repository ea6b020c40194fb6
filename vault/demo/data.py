"""The demo vault's cast and paperwork, as data (dates are days from today)."""

from __future__ import annotations

from dataclasses import dataclass

# key, name, kind, handle
PARTIES = (
    ("agency", "Northlight Talent", "agency", "northlighttalent"),
    ("maya", "Maya Okafor", "influencer", "mayaokafor"),
    ("leo", "Leo Brandt", "influencer", "leobrandt"),
    ("sora", "Sora Kim", "influencer", "sorakim"),
    ("aurora", "Aurora Cosmetics", "brand", "auroracosmetics"),
    ("fjord", "Fjord Outdoor", "brand", "fjordoutdoor"),
    ("kiln", "Kiln Coffee Roasters", "brand", "kilncoffee"),
    ("velo", "Velo Urban", "brand", "velourban"),
    ("press", "The Style Desk", "press", "thestyledesk"),
)


@dataclass(frozen=True)
class CampaignSpec:
    key: str
    name: str
    brand: str
    influencers: tuple[str, ...]
    launch_days: int
    launch_hour: int
    zone: str
    photos: int
    caption: str


CAMPAIGNS = (
    CampaignSpec(
        "glow",
        "Aurora Glow Serum launch",
        "aurora",
        ("maya", "sora"),
        5,
        18,
        "Europe/Paris",
        5,
        "Glow like you mean it. The new Aurora Glow Serum is here!\n"
        "@auroracosmetics x @mayaokafor\n"
        "Use code TODO for 15% off, shop via [link]\n#ad #AuroraGlow\n",
    ),
    CampaignSpec(
        "trek",
        "Fjord Winter Trek",
        "fjord",
        ("leo",),
        12,
        9,
        "Europe/Oslo",
        4,
        "Cold mornings, warm layers. Trekking the fjords with @fjordoutdoor.\n"
        "#ad #FjordWinterTrek\n",
    ),
    CampaignSpec(
        "roast",
        "Kiln Autumn Roast",
        "kiln",
        ("maya",),
        40,
        10,
        "America/New_York",
        4,
        "First sip of autumn. @kilncoffee Autumn Roast drops soon.\n#ad #KilnAutumn\n",
    ),
    CampaignSpec(
        "commute",
        "Velo City Commute",
        "velo",
        ("leo", "sora"),
        -20,
        8,
        "Europe/Berlin",
        4,
        "My commute, upgraded. The @velourban City Commute bike is out now.\n#ad\n",
    ),
    CampaignSpec(
        "gifts",
        "Aurora Holiday Gift Sets",
        "aurora",
        ("sora",),
        60,
        9,
        "Asia/Seoul",
        4,
        "Gift sets that glow. @auroracosmetics holiday collection, with @sorakim.\n#ad\n",
    ),
    CampaignSpec(
        "trail",
        "Fjord Trail Running",
        "fjord",
        ("maya", "leo"),
        9,
        7,
        "America/Los_Angeles",
        4,
        "Trail season starts now. @fjordoutdoor with @leobrandt and @mayaokafor.\n#ad\n",
    ),
)

PHOTO_NAMES = ("hero.jpg", "detail.png", "behind-the-scenes.jpg", "product.webp", "alt.jpg")
BRIEF_LINES = [
    "Deliverables: 3 feed posts, 5 stories, 1 reel",
    "Tone: warm, honest, no filters",
    "Approval: brand PR 48 hours before posting",
]


@dataclass(frozen=True)
class AgreementSpec:
    key: str
    kind: str
    title: str
    parties: tuple[str, ...]
    effective_days: int
    expires_days: int
    status: str
    survival_days: int
    campaigns: tuple[str, ...] = ()
    usage: tuple[tuple[str, ...], str, int, int] | None = None
    """(platforms, territory, starts in days, ends in days)."""
    notes: str = ""
    signed_document: bool = False


AGREEMENTS = (
    AgreementSpec(
        "maya_nda",
        "nda",
        "Mutual NDA: Maya Okafor",
        ("maya", "agency"),
        -200,
        25,
        "signed",
        730,
        ("glow", "roast", "trail"),
    ),
    AgreementSpec(
        "leo_nda", "nda", "NDA: Leo Brandt (all work)", ("leo",), -300, 400, "signed", 365
    ),
    AgreementSpec(
        "sora_nda",
        "nda",
        "NDA: Sora Kim",
        ("sora",),
        -100,
        265,
        "signed",
        365,
        ("glow", "commute", "gifts"),
    ),
    AgreementSpec(
        "fjord_nda",
        "nda",
        "Mutual NDA: Fjord Outdoor",
        ("fjord",),
        -380,
        30,
        "signed",
        730,
        ("trek", "trail"),
        notes="Renewal sent to Fjord legal; not signed yet",
    ),
    AgreementSpec(
        "velo_nda", "nda", "NDA: Velo Urban", ("velo",), -5, 360, "sent", 365, ("commute",)
    ),
    AgreementSpec(
        "aurora_nda",
        "nda",
        "Mutual NDA: Aurora Cosmetics",
        ("aurora", "agency"),
        -60,
        305,
        "signed",
        730,
        ("glow", "gifts"),
        signed_document=True,
    ),
    AgreementSpec(
        "glow_deal",
        "sponsorship",
        "Aurora Glow Serum sponsorship",
        ("aurora", "maya", "agency"),
        -30,
        150,
        "signed",
        365,
        ("glow",),
        (("instagram", "tiktok"), "EU and UK", 5, 20),
        signed_document=True,
    ),
    AgreementSpec(
        "velo_deal",
        "sponsorship",
        "Velo City Commute sponsorship",
        ("velo", "leo", "sora"),
        -45,
        120,
        "signed",
        365,
        ("commute",),
        (("instagram", "youtube"), "worldwide", -20, 70),
    ),
    AgreementSpec(
        "kiln_licence",
        "licence",
        "Kiln Autumn Roast photo licence",
        ("kiln", "maya"),
        -10,
        420,
        "signed",
        0,
        ("roast",),
        (("instagram", "website", "print"), "US and Canada", 40, 405),
    ),
    AgreementSpec(
        "leo_talent",
        "talent",
        "Representation: Leo Brandt",
        ("agency", "leo"),
        -730,
        365,
        "signed",
        365,
    ),
    AgreementSpec(
        "maya_talent",
        "talent",
        "Representation: Maya Okafor",
        ("agency", "maya"),
        -700,
        28,
        "signed",
        365,
        notes="Renewal terms under discussion",
    ),
    AgreementSpec(
        "sora_talent",
        "talent",
        "Representation: Sora Kim",
        ("agency", "sora"),
        10,
        740,
        "draft",
        365,
    ),
)
