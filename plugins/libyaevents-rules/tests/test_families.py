"""Each rule family finds its events in sentences written for these tests."""

from __future__ import annotations

import pytest

CASES = [
    # (sentence, expected type, expected mode or None)
    ("Red Brigade carried out a security operation in Wadi Sur on Tuesday.", "MOBILIZE", "police"),
    ("Police launched a sweep of smuggling dens in Port Amal.", "COERCE", None),
    ("Red Brigade clashed with Blue Front in Port Amal on Monday.", "ASSAULT", "clash"),
    ("Heavy fighting broke out between Red Brigade and Blue Front.", "ASSAULT", "clash"),
    ("An air strike hit a depot of Blue Front near Wadi Sur.", "ASSAULT", "aerial"),
    ("A drone strike on Wadi Sur killed four fighters.", "ASSAULT", "aerial"),
    ("Red Brigade shelled residential areas of Port Amal.", "ASSAULT", "heavy-weapons"),
    ("Red Brigade took control of the border crossing near Wadi Sur.", "COERCE", "seize"),
    ("Blue Front seized the airport in Port Amal.", "COERCE", "seize"),
    ("Red Brigade captured the town of Wadi Sur after a week of fighting.", "COERCE", "seize"),
    ("The Interior Ministry arrested six suspects in Port Amal.", "COERCE", "arrest"),
    ("Two activists were detained by the Interior Ministry in Harbour.", "COERCE", "arrest"),
    ("The Coastal Council banned all public gatherings in Port Amal.", "COERCE", "ban"),
    ("The Coastal Council prohibited military convoys across the region.", "COERCE", "ban"),
    ("The Interior Ministry closed the main road to Wadi Sur.", "COERCE", "restrict"),
    ("The Coastal Council imposed a curfew in Port Amal.", "COERCE", "curfew"),
    ("The Interior Ministry deported forty foreign workers from Harbour.", "COERCE", "deport"),
    ("The members of the delegation were described as persona non grata by the Coastal Council.", "SANCTION", "expel"),
    ("Red Brigade deployed reinforcements to Wadi Sur.", "MOBILIZE", "troops"),
    ("A convoy arrived in Port Amal on Sunday carrying fighters of Blue Front.", "MOBILIZE", "troops"),
    ("Adam Noor met with Sara Kemal in Harbour on Thursday.", "CONSULT", None),
    ("Adam Noor held talks with Sara Kemal in Harbour.", "CONSULT", None),
    ("Adam Noor arrived in Harbour to meet Sara Kemal.", "CONSULT", "visit"),
    ("Verdania received a delegation led by Adam Noor.", "CONSULT", "host"),
    ("Sara Kemal received Adam Noor in Harbour on Monday.", "CONSULT", "host"),
    ("The Union sent a delegation to Harbour.", "CONSULT", "visit"),
    ("Verdania sent drones and military advisers to Port Amal.", "AID", "military"),
    ("Gunmen opened fire on a checkpoint of Red Brigade in Port Amal.", "ASSAULT", "firearms"),
    ("Police dispersed protesters with tear gas in Port Amal.", "COERCE", "restrict"),
    ("Adam Noor accepted the proposal of the Union for a ceasefire.", "AGREE", None),
    ("The Coastal Council accepted the demands of the protesters.", "CONCEDE", "policy"),
    ("Red Brigade's offensive on Port Amal began in April.", "ASSAULT", None),
    ("Adam Noor had a phone call with Sara Kemal on Wednesday.", "CONSULT", "phone"),
    ("Red Brigade and Blue Front agreed to exchange prisoners.", "AGREE", None),
    ("The two sides signed a ceasefire agreement in Harbour.", "AGREE", None),
    ("Sara Kemal urged the Union to send more aid.", "REQUEST", None),
    ("The Coastal Council called on the Union to act.", "REQUEST", None),
    ("Adam Noor demanded the release of the detainees.", "REQUEST", None),
    ("Adam Noor accused Blue Front of blocking the talks.", "ACCUSE", "allege"),
    ("The Coastal Council blamed Red Brigade for the violence.", "ACCUSE", "allege"),
    ("Blue Front denied any involvement in the bombing.", "REJECT", "deny"),
    ("The Coastal Council rejected the proposal of the Union.", "REJECT", "refuse"),
    ("Hundreds of residents protested in Port Amal against power cuts.", "PROTEST", "demo"),
    ("Teachers went on strike in Harbour over unpaid salaries.", "PROTEST", "strike-gen"),
    ("The Union delivered humanitarian aid to Wadi Sur.", "AID", "humanitarian"),
    ("Red Brigade released twelve prisoners in Port Amal.", "RETREAT", "release"),
    ("Blue Front withdrew from Wadi Sur on Saturday.", "RETREAT", "withdraw"),
    ("The Union imposed sanctions on Adam Noor.", "SANCTION", "economic"),
    ("Gunmen kidnapped three engineers near Wadi Sur.", "ASSAULT", "abduct"),
]


@pytest.mark.parametrize(("sentence", "etype", "mode"), CASES)
def test_family(events, sentence, etype, mode):
    found = events(sentence)
    assert any(e.type == etype and (mode is None or e.mode == mode) for e in found), [
        (e.type, e.mode, e.trigger.text if e.trigger else None) for e in found
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The weather in Port Amal was mild and sunny.",
        "Ban Ki-moon spoke to reporters about the economy.",
        "The ministry plans to fight organised crime and drug dealers.",
        "The problem has come to the forefront lately.",
    ],
)
def test_no_event(events, sentence):
    assert [(e.type, e.trigger.text) for e in events(sentence)] == []


def test_machine_translated_lookalike_letters(events):
    # Cyrillic "о" and "а" inside English words, as scraped pages carry them.
    found = events("Red Brigade hаvе captured а base nеаr Wadi Sur.")
    assert any(e.type == "COERCE" for e in found)


def test_furniture_yields_no_events(run):
    text = (
        "Red Brigade shelled Port Amal on Monday, killing two people.\n\n"
        "Tags: Libya\nNext Post\nBlue Front attacked Wadi Sur\n"
    )
    result = run(text)
    assert all("Wadi Sur" not in e.evidence[0].text for e in result.events)
    assert any(e.type == "ASSAULT" for e in result.events)
