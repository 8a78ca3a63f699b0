"""The PLOVER event ontology and its crosswalks to CAMEO and ACLED.

This module exists so that every extractor and exporter speaks one vocabulary: the
16 PLOVER event types with their modes (PLOVER manual, ``openeventdata/PLOVER``), the
CAMEO root code each type corresponds to most closely, and the ACLED event and
sub-event type an analyst would file it under. Exporters read the crosswalks from
here; nothing else hard-codes a code.

.. versionadded:: 0.1
"""

from __future__ import annotations

from typing import Final, NamedTuple

__all__ = [
    "ACLED_DISORDER",
    "CONTEXTS",
    "EVENT_TYPES",
    "MODES",
    "AcledCode",
    "acled_code",
    "cameo_code",
    "quad_class",
]

#: The 16 PLOVER event types, in the manual's cooperation-to-conflict order.
EVENT_TYPES: Final[tuple[str, ...]] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

#: The modes (the "how") PLOVER defines for each type; an empty tuple means the type
#: has no modes.
MODES: Final[dict[str, tuple[str, ...]]] = {
    "AGREE": ("ceasefire", "treaty", "settle"),
    "CONSULT": ("visit", "host", "third-party", "multilateral", "phone"),
    "SUPPORT": ("praise", "endorse", "defend"),
    "CONCEDE": ("apologize", "policy", "reform", "release"),
    "COOPERATE": ("economic", "military", "intelligence", "judicial"),
    "AID": ("economic", "military", "humanitarian", "asylum"),
    "RETREAT": ("withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assistance", "cooperation", "change", "negotiation", "ceasefire", "withdrawal"),
    "ACCUSE": ("disapprove", "investigate", "allege", "lawsuit"),
    "REJECT": ("deny", "refuse", "veto", "defy"),
    "THREATEN": ("restrict", "ban", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike-gen", "strike-lim", "strike-hun", "boycott", "obstruct"),
    "SANCTION": ("convict", "cancel", "expel", "withdraw", "sever", "economic"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": (
        "confiscate",
        "restrict",
        "ban",
        "censor",
        "curfew",
        "martial-law",
        "arrest",
        "deport",
        "withhold",
        "seize",
    ),
    "ASSAULT": (
        "abduct",
        "beat",
        "torture",
        "execute",
        "sexual",
        "assassinate",
        "destroy",
        "primitive",
        "firearms",
        "explosives",
        "suicide-attack",
        "heavy-weapons",
        "aerial",
        "clash",
    ),
}

#: PLOVER thematic contexts an extractor may attach (grammatical statuses such as
#: negation live on :class:`libyaevents.Contexts`, not here).
CONTEXTS: Final[tuple[str, ...]] = (
    "military",
    "intelligence",
    "peacekeeping",
    "diplomatic",
    "migration",
    "humanitarian",
    "legal",
    "human_rights",
    "terrorism",
    "crime",
    "economic",
    "political",
)

# CAMEO root codes (01-20) closest to each PLOVER type (CAMEO2PLOVER-2021 read backwards).
_CAMEO_ROOT: Final[dict[str, str]] = {
    "AGREE": "05",  # engage in diplomatic cooperation / 057 sign agreement
    "CONSULT": "04",
    "SUPPORT": "05",
    "CONCEDE": "08",  # yield
    "COOPERATE": "06",  # engage in material cooperation
    "AID": "07",  # provide aid
    "RETREAT": "08",
    "REQUEST": "02",  # appeal
    "ACCUSE": "11",  # disapprove
    "REJECT": "12",
    "THREATEN": "13",
    "PROTEST": "14",
    "SANCTION": "16",  # reduce relations
    "MOBILIZE": "15",  # exhibit force posture
    "COERCE": "17",
    "ASSAULT": "19",  # fight
}

# Mode-level CAMEO refinements where the crosswalk names a narrower code.
_CAMEO_MODE: Final[dict[tuple[str, str], str]] = {
    ("AGREE", "ceasefire"): "0871",
    ("AGREE", "treaty"): "057",
    ("CONSULT", "visit"): "042",
    ("CONSULT", "host"): "043",
    ("CONSULT", "third-party"): "045",
    ("CONSULT", "multilateral"): "044",
    ("CONSULT", "phone"): "041",
    ("SUPPORT", "praise"): "051",
    ("AID", "economic"): "071",
    ("AID", "military"): "072",
    ("AID", "humanitarian"): "073",
    ("AID", "asylum"): "075",
    ("RETREAT", "withdraw"): "0874",
    ("RETREAT", "release"): "0841",
    ("RETREAT", "ceasefire"): "0871",
    ("RETREAT", "resign"): "0833",
    ("REJECT", "deny"): "1125",
    ("THREATEN", "violence"): "138",
    ("PROTEST", "demo"): "141",
    ("PROTEST", "strike-hun"): "142",
    ("PROTEST", "strike-gen"): "143",
    ("PROTEST", "obstruct"): "144",
    ("PROTEST", "riot"): "145",
    ("SANCTION", "expel"): "166",
    ("SANCTION", "sever"): "161",
    ("MOBILIZE", "police"): "151",
    ("MOBILIZE", "troops"): "152",
    ("COERCE", "confiscate"): "1711",
    ("COERCE", "seize"): "192",
    ("COERCE", "restrict"): "191",
    ("COERCE", "ban"): "1724",
    ("COERCE", "curfew"): "1721",
    ("COERCE", "martial-law"): "1723",
    ("COERCE", "arrest"): "173",
    ("COERCE", "deport"): "174",
    ("ASSAULT", "destroy"): "1712",
    ("ASSAULT", "abduct"): "181",
    ("ASSAULT", "torture"): "1821",
    ("ASSAULT", "sexual"): "1822",
    ("ASSAULT", "assassinate"): "186",
    ("ASSAULT", "suicide-attack"): "1831",
    ("ASSAULT", "explosives"): "183",
    ("ASSAULT", "firearms"): "190",
    ("ASSAULT", "clash"): "190",
    ("ASSAULT", "aerial"): "195",
    ("ASSAULT", "heavy-weapons"): "194",
    ("ASSAULT", "execute"): "1823",
}

# CAMEO quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
# 4 material conflict (GDELT's QuadClass).
_QUAD: Final[dict[str, int]] = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 2,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 1,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 3,
    "SANCTION": 3,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}


class AcledCode(NamedTuple):
    """Where an event falls in ACLED's codebook (2023 columns)."""

    disorder_type: str
    event_type: str
    sub_event_type: str


_SD = "Strategic developments"
_PV = "Political violence"
_DEM = "Demonstrations"

_ACLED_TYPE: Final[dict[str, AcledCode]] = {
    "AGREE": AcledCode(_SD, _SD, "Agreement"),
    "CONSULT": AcledCode(_SD, _SD, "Other"),
    "SUPPORT": AcledCode(_SD, _SD, "Other"),
    "CONCEDE": AcledCode(_SD, _SD, "Other"),
    "COOPERATE": AcledCode(_SD, _SD, "Other"),
    "AID": AcledCode(_SD, _SD, "Other"),
    "RETREAT": AcledCode(_SD, _SD, "Non-violent transfer of territory"),
    "REQUEST": AcledCode(_SD, _SD, "Other"),
    "ACCUSE": AcledCode(_SD, _SD, "Other"),
    "REJECT": AcledCode(_SD, _SD, "Other"),
    "THREATEN": AcledCode(_SD, _SD, "Other"),
    "PROTEST": AcledCode(_DEM, "Protests", "Peaceful protest"),
    "SANCTION": AcledCode(_SD, _SD, "Other"),
    "MOBILIZE": AcledCode(_SD, _SD, "Change to group/activity"),
    "COERCE": AcledCode(_SD, _SD, "Other"),
    "ASSAULT": AcledCode(_PV, "Battles", "Armed clash"),
}

_ACLED_MODE: Final[dict[tuple[str, str], AcledCode]] = {
    ("RETREAT", "release"): AcledCode(_SD, _SD, "Other"),
    ("PROTEST", "riot"): AcledCode(_DEM, "Riots", "Violent demonstration"),
    ("COERCE", "arrest"): AcledCode(_SD, _SD, "Arrests"),
    ("COERCE", "confiscate"): AcledCode(_SD, _SD, "Looting/property destruction"),
    ("COERCE", "seize"): AcledCode(_PV, "Battles", "Non-state actor overtakes territory"),
    ("ASSAULT", "abduct"): AcledCode(_PV, "Violence against civilians", "Abduction/forced disappearance"),
    ("ASSAULT", "sexual"): AcledCode(_PV, "Violence against civilians", "Sexual violence"),
    ("ASSAULT", "execute"): AcledCode(_PV, "Violence against civilians", "Attack"),
    ("ASSAULT", "torture"): AcledCode(_PV, "Violence against civilians", "Attack"),
    ("ASSAULT", "beat"): AcledCode(_PV, "Violence against civilians", "Attack"),
    ("ASSAULT", "assassinate"): AcledCode(_PV, "Violence against civilians", "Attack"),
    ("ASSAULT", "destroy"): AcledCode(_SD, _SD, "Looting/property destruction"),
    ("ASSAULT", "aerial"): AcledCode(_PV, "Explosions/Remote violence", "Air/drone strike"),
    ("ASSAULT", "heavy-weapons"): AcledCode(
        _PV, "Explosions/Remote violence", "Shelling/artillery/missile attack"
    ),
    ("ASSAULT", "explosives"): AcledCode(
        _PV, "Explosions/Remote violence", "Remote explosive/landmine/IED"
    ),
    ("ASSAULT", "suicide-attack"): AcledCode(_PV, "Explosions/Remote violence", "Suicide bomb"),
}

#: ACLED's three disorder types (column ``disorder_type``).
ACLED_DISORDER: Final[tuple[str, ...]] = (_PV, _DEM, _SD)


def cameo_code(event_type: str, mode: str | None = None) -> str:
    """Return the CAMEO code closest to a PLOVER type and mode.

    Args:
        event_type: One of :data:`EVENT_TYPES`.
        mode: A mode of that type, or ``None``.

    Returns:
        A CAMEO code: the mode's own code where the crosswalk names one, else the root.

    Raises:
        KeyError: ``event_type`` is not a PLOVER type.

    Examples:
        >>> cameo_code("CONSULT", "visit")
        '042'
        >>> cameo_code("ASSAULT")
        '19'
    """
    root = _CAMEO_ROOT[event_type]
    return _CAMEO_MODE.get((event_type, mode or ""), root)


def acled_code(event_type: str, mode: str | None = None) -> AcledCode:
    """Return the ACLED disorder, event and sub-event type for a PLOVER type and mode.

    Examples:
        >>> acled_code("ASSAULT", "aerial").sub_event_type
        'Air/drone strike'
    """
    base = _ACLED_TYPE[event_type]
    return _ACLED_MODE.get((event_type, mode or ""), base)


def quad_class(event_type: str) -> int:
    """Return the CAMEO/GDELT quad class (1-4) of a PLOVER type."""
    return _QUAD[event_type]
