#!/usr/bin/env python3
"""Generate ``data/states.tsv``: one ``state`` row per ISO 3166-1 country.

Country names and official names come from pycountry (LGPL-2.1, data from
the Debian iso-codes project).  On top of that this script adds, by hand:

* ``SHORT_NAME``: the short name English-language news uses when it differs
  from pycountry's (``Turkey``, ``Russia``, ``Iran`` ...);
* ``EXTRA_ALIASES``: other surface forms (``US``, ``UK``, ``UAE``, ``Türkiye``);
* ``DEMONYMS``: adjective and plural demonyms for the countries that matter in
  Libya news.  They are written with a leading ``~`` (weaker evidence) and are
  also used to build ``<Adjective> government``.

Every state also gets ``government of <Name>``.  Capitals used as metonyms
("Rome said ...") are deliberately NOT aliases: the matcher handles them.

Usage::

    python tools/make_states.py            # writes src/libyaevents_gazetteer/data/states.tsv
    python tools/make_states.py -o -       # print to stdout
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pycountry

HEADER = ["id", "name", "kind", "country", "aliases", "roles", "note"]

DATA = Path(__file__).resolve().parent.parent / "src" / "libyaevents_gazetteer" / "data"

# Short names as used in English-language news (canonical ``name`` column).
SHORT_NAME = {
    "BOL": "Bolivia",
    "BRN": "Brunei",
    "CIV": "Ivory Coast",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "CPV": "Cape Verde",
    "CZE": "Czech Republic",
    "FSM": "Micronesia",
    "GBR": "United Kingdom",
    "IRN": "Iran",
    "KOR": "South Korea",
    "LAO": "Laos",
    "MDA": "Moldova",
    "PRK": "North Korea",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SWZ": "Eswatini",
    "SYR": "Syria",
    "TLS": "East Timor",
    "TUR": "Turkey",
    "TWN": "Taiwan",
    "TZA": "Tanzania",
    "USA": "United States",
    "VAT": "Vatican City",
    "VEN": "Venezuela",
    "VNM": "Vietnam",
    "BES": "Caribbean Netherlands",
    "SHN": "Saint Helena, Ascension and Tristan da Cunha",
    "FLK": "Falkland Islands",
    "VGB": "British Virgin Islands",
    "VIR": "United States Virgin Islands",
    "MAF": "Saint Martin",
    "SXM": "Sint Maarten",
}

# Extra surface forms.  All-caps acronyms are matched case-sensitively.
EXTRA_ALIASES = {
    "ARE": ["UAE", "Emirates", "the Emirates", "U.A.E."],
    "BIH": ["Bosnia", "Bosnia-Herzegovina"],
    "CIV": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "COD": ["DRC", "DR Congo", "Congo-Kinshasa"],
    "COG": ["Congo-Brazzaville", "Congo Republic"],
    "CZE": ["Czechia"],
    "DEU": ["Federal Republic of Germany"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain"],
    "KOR": ["Republic of Korea"],
    "LBY": ["State of Libya", "Libyan Arab Jamahiriya",
            "Great Socialist People's Libyan Arab Jamahiriya"],
    "MKD": ["Macedonia"],
    "MMR": ["Burma"],
    "NLD": ["Holland", "Kingdom of the Netherlands"],
    "PRK": ["DPRK", "Democratic People's Republic of Korea"],
    "PSE": ["State of Palestine", "Palestinian Authority", "Palestinian territories"],
    "RUS": ["Russian Federation"],
    "SAU": ["KSA", "Kingdom of Saudi Arabia"],
    "SWZ": ["Swaziland"],
    "SYR": ["Syrian Arab Republic"],
    "TUR": ["Türkiye", "Turkiye", "Republic of Turkey", "Republic of Türkiye"],
    "USA": ["US", "U.S.", "USA", "U.S.A.", "United States of America", "America"],
    "VAT": ["Holy See", "Vatican"],
    "CPV": ["Cabo Verde"],
    "TLS": ["Timor-Leste"],
}

# alpha3 -> (adjective, [plural/person forms]).  Only unambiguous forms:
# "Guinean" / "Congolese" / "Korean" are left out on purpose; "Nigerien"
# (Niger) and "Nigerian" (Nigeria) are different words.
DEMONYMS = {
    # Libya and neighbours
    "LBY": ("Libyan", ["Libyans"]),
    "EGY": ("Egyptian", ["Egyptians"]),
    "TUN": ("Tunisian", ["Tunisians"]),
    "DZA": ("Algerian", ["Algerians"]),
    "NER": ("Nigerien", ["Nigeriens"]),
    "TCD": ("Chadian", ["Chadians"]),
    "SDN": ("Sudanese", []),
    "SSD": ("South Sudanese", []),
    "MAR": ("Moroccan", ["Moroccans"]),
    "MRT": ("Mauritanian", ["Mauritanians"]),
    "MLI": ("Malian", ["Malians"]),
    "BFA": ("Burkinabe", ["Burkinabè"]),
    "NGA": ("Nigerian", ["Nigerians"]),
    "CMR": ("Cameroonian", ["Cameroonians"]),
    "CAF": ("Central African", ["Central Africans"]),
    "ERI": ("Eritrean", ["Eritreans"]),
    "ETH": ("Ethiopian", ["Ethiopians"]),
    "SOM": ("Somali", ["Somalis"]),
    "DJI": ("Djiboutian", ["Djiboutians"]),
    "GHA": ("Ghanaian", ["Ghanaians"]),
    "SEN": ("Senegalese", []),
    "GMB": ("Gambian", ["Gambians"]),
    "CIV": ("Ivorian", ["Ivorians"]),
    "BEN": ("Beninese", []),
    "TGO": ("Togolese", []),
    "SLE": ("Sierra Leonean", ["Sierra Leoneans"]),
    "LBR": ("Liberian", ["Liberians"]),
    "KEN": ("Kenyan", ["Kenyans"]),
    "UGA": ("Ugandan", ["Ugandans"]),
    "RWA": ("Rwandan", ["Rwandans"]),
    "ZAF": ("South African", ["South Africans"]),
    "COG": ("Congolese", []),  # see note in README: Congo-Brazzaville hosts AU Libya committee
    # Middle East / Gulf
    "TUR": ("Turkish", ["Turks"]),
    "QAT": ("Qatari", ["Qataris"]),
    "ARE": ("Emirati", ["Emiratis"]),
    "SAU": ("Saudi", ["Saudis"]),
    "JOR": ("Jordanian", ["Jordanians"]),
    "SYR": ("Syrian", ["Syrians"]),
    "IRQ": ("Iraqi", ["Iraqis"]),
    "IRN": ("Iranian", ["Iranians"]),
    "ISR": ("Israeli", ["Israelis"]),
    "PSE": ("Palestinian", ["Palestinians"]),
    "LBN": ("Lebanese", []),
    "KWT": ("Kuwaiti", ["Kuwaitis"]),
    "BHR": ("Bahraini", ["Bahrainis"]),
    "OMN": ("Omani", ["Omanis"]),
    "YEM": ("Yemeni", ["Yemenis"]),
    "CYP": ("Cypriot", ["Cypriots"]),
    # Europe
    "ITA": ("Italian", ["Italians"]),
    "MLT": ("Maltese", []),
    "GRC": ("Greek", ["Greeks"]),
    "FRA": ("French", ["Frenchmen"]),
    "DEU": ("German", ["Germans"]),
    "ESP": ("Spanish", ["Spaniards"]),
    "PRT": ("Portuguese", []),
    "GBR": ("British", ["Britons"]),
    "IRL": ("Irish", []),
    "NLD": ("Dutch", []),
    "BEL": ("Belgian", ["Belgians"]),
    "LUX": ("Luxembourgish", []),
    "AUT": ("Austrian", ["Austrians"]),
    "CHE": ("Swiss", []),
    "DNK": ("Danish", ["Danes"]),
    "SWE": ("Swedish", ["Swedes"]),
    "NOR": ("Norwegian", ["Norwegians"]),
    "FIN": ("Finnish", ["Finns"]),
    "POL": ("Polish", ["Poles"]),
    "CZE": ("Czech", ["Czechs"]),
    "SVK": ("Slovak", ["Slovaks"]),
    "HUN": ("Hungarian", ["Hungarians"]),
    "ROU": ("Romanian", ["Romanians"]),
    "BGR": ("Bulgarian", ["Bulgarians"]),
    "HRV": ("Croatian", ["Croats"]),
    "SVN": ("Slovenian", ["Slovenians"]),
    "SRB": ("Serbian", ["Serbs"]),
    "ALB": ("Albanian", ["Albanians"]),
    "EST": ("Estonian", ["Estonians"]),
    "LVA": ("Latvian", ["Latvians"]),
    "LTU": ("Lithuanian", ["Lithuanians"]),
    "UKR": ("Ukrainian", ["Ukrainians"]),
    "BLR": ("Belarusian", ["Belarusians"]),
    "RUS": ("Russian", ["Russians"]),
    # Americas / Asia / elsewhere
    "USA": ("American", ["Americans"]),
    "CAN": ("Canadian", ["Canadians"]),
    "BRA": ("Brazilian", ["Brazilians"]),
    "CHN": ("Chinese", []),
    "JPN": ("Japanese", []),
    "KOR": ("South Korean", ["South Koreans"]),
    "IND": ("Indian", ["Indians"]),
    "PAK": ("Pakistani", ["Pakistanis"]),
    "BGD": ("Bangladeshi", ["Bangladeshis"]),
    "AFG": ("Afghan", ["Afghans"]),
    "IDN": ("Indonesian", ["Indonesians"]),
    "MYS": ("Malaysian", ["Malaysians"]),
    "PHL": ("Filipino", ["Filipinos"]),
    "LKA": ("Sri Lankan", ["Sri Lankans"]),
    "NPL": ("Nepali", ["Nepalis"]),
    "AUS": ("Australian", ["Australians"]),
}


# Names that take the article in running text ("the government of the Netherlands").
WITH_THE = {"ARE", "BHS", "CAF", "COD", "COG", "COM", "CZE", "DOM", "GBR", "GMB",
            "MDV", "MHL", "NLD", "PHL", "SLB", "USA", "VAT"}

# Extra government forms built from abbreviations.
EXTRA_GOV = {
    "USA": ["US government", "U.S. government", "US administration", "U.S. administration"],
    "GBR": ["UK government"],
    "ARE": ["UAE government"],
}


def canonical_name(c) -> str:
    if c.alpha_3 in SHORT_NAME:
        return SHORT_NAME[c.alpha_3]
    common = getattr(c, "common_name", None)
    if common:
        return common
    return c.name


def usable(name: str | None) -> bool:
    return bool(name) and "," not in name and "(" not in name


def aliases_for(c, name: str) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()

    def add(a: str | None) -> None:
        if not usable(a):
            return
        a = a.strip()
        if a.startswith("the "):
            a = a[4:]
        key = a.lower()
        if key in seen or a == name:
            seen.add(key)
            return
        seen.add(key)
        out.append(a)

    seen.add(name.lower())
    add(c.name)
    add(getattr(c, "official_name", None))
    add(getattr(c, "common_name", None))
    for a in EXTRA_ALIASES.get(c.alpha_3, []):
        add(a)
    dem = DEMONYMS.get(c.alpha_3)
    if dem:
        add(f"{dem[0]} government")
    for g in EXTRA_GOV.get(c.alpha_3, []):
        add(g)
    add(f"government of {'the ' if c.alpha_3 in WITH_THE else ''}{name}")
    if dem:
        adj, plurals = dem
        for d in [adj, *plurals]:
            key = "~" + d.lower()
            if key not in seen:
                seen.add(key)
                out.append("~" + d)
    return out


def rows():
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        name = canonical_name(c)
        aliases = aliases_for(c, name)
        note = "pycountry ISO 3166-1"
        if c.alpha_3 == "NER":
            note += "; do not confuse with Nigeria (state-nga)"
        if c.alpha_3 == "COG":
            note += "; bare 'Congo' and 'Congolese' kept here (Libya news: AU committee chaired by Congo-Brazzaville); DRC is state-cod"
        yield [f"state-{c.alpha_3.lower()}", name, "state", c.alpha_3,
               "|".join(aliases), "", note]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", default=str(DATA / "states.tsv"),
                    help="output path, or - for stdout")
    args = ap.parse_args(argv)
    lines = [
        "# states.tsv -- GENERATED by tools/make_states.py; edit the script, not this file.",
        "# Names from pycountry (ISO 3166-1, Debian iso-codes, LGPL-2.1); short names,",
        "# extra aliases and demonyms (~ = adjectival/demonym form, weaker evidence) added by hand.",
        "\t".join(HEADER),
    ]
    for r in rows():
        assert all("\t" not in f and "\n" not in f for f in r), r
        lines.append("\t".join(r))
    text = "\n".join(lines) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {len(lines) - 4} rows to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
