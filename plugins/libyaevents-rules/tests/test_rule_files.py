"""The rule file format: loading, validation, user files through the environment."""

from __future__ import annotations


import pytest

from libyaevents_rules.rules import RuleError, RuleSet, default_rule_files, load_rules, read_rule_file
from libyaevents.text import fold
from libyaevents_rules.text import tokens


def _match(rules: RuleSet, text: str):
    norm = fold(text)
    return [(m.rule.id, norm[m.start : m.end]) for m in rules.match(tokens(norm), norm, 0, len(norm))]


def test_builtin_rules_load_and_cover_every_family():
    rules = load_rules()
    assert {r.type for r in rules.rules} >= {
        "ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "CONSULT", "AGREE", "REQUEST", "ACCUSE", "REJECT",
        "PROTEST", "AID", "RETREAT", "THREATEN", "SUPPORT",
    }


def test_phrase_language(tmp_path):
    f = tmp_path / "r.toml"
    f.write_text(
        '[[rule]]\nid = "t.one"\ntype = "COERCE"\nmode = "seize"\n'
        'phrases = ["@seize", "took full? control of", "clash*", "called ... ceasefire", "a|an raid"]\n',
        encoding="utf-8",
    )
    rules = RuleSet(read_rule_file(f))
    assert _match(rules, "They seized it") == [("t.one", "seized")]
    assert _match(rules, "they took full control of it")[0][1] == "took full control of"
    assert _match(rules, "they took control of it")[0][1] == "took control of"
    assert _match(rules, "clashes")[0][1] == "clashes"
    assert _match(rules, "he called for an immediate ceasefire")[0][1] == "called for an immediate ceasefire"
    assert _match(rules, "an raid")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('type = "FIGHT"\nphrases = ["x"]', "type must be one of"),
        ('type = "ASSAULT"\nmode = "poison"\nphrases = ["x"]', "mode must be one of"),
        ('type = "ASSAULT"', "needs 'phrases' or 'regex'"),
        ('type = "ASSAULT"\nphrases = ["ab*"]', "at least three letters"),
        ('type = "ASSAULT"\nregex = ["(a+)+b"]', "nested quantifier"),
        ('type = "ASSAULT"\nphrases = ["x"]\ncolour = "red"', "unknown keys"),
    ],
)
def test_bad_rules_are_refused_with_a_reason(tmp_path, body, message):
    f = tmp_path / "bad.toml"
    f.write_text("[[rule]]\nid = \"bad\"\n" + body + "\n", encoding="utf-8")
    with pytest.raises(RuleError, match=message):
        RuleSet(read_rule_file(f))


def test_user_rules_from_environment(tmp_path, monkeypatch, events):
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[rule]]\nid = "mine.kettle"\ntype = "PROTEST"\nmode = "demo"\nphrases = ["banged pots"]\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("LIBYAEVENTS_RULES_DATA", str(extra))
    assert extra in default_rule_files()
    found = events("Residents of Port Amal banged pots on Friday night.")
    assert any(e.type == "PROTEST" for e in found)


def test_user_rule_replaces_builtin_by_id(tmp_path):
    extra = tmp_path / "over.toml"
    extra.write_text('[[rule]]\nid = "assault.clash"\ntype = "ASSAULT"\nphrases = ["brawl"]\n', encoding="utf-8")
    rules = load_rules([*default_rule_files(), extra])
    assert _match(rules, "a brawl") and not [m for m in _match(rules, "clashes") if m[0] == "assault.clash"]


def test_matching_work_grows_linearly(monkeypatch):
    """Twice the text, at most twice the phrase-matching steps (counted, not timed): the
    worst case for gaps, a trigger word repeated with nothing to close its phrase."""
    import libyaevents_rules.rules as rules_module

    rules = load_rules()
    steps = {"n": 0}
    real = rules_module._match_at

    def counting(elements, toks, i, n):
        steps["n"] += 1
        return real(elements, toks, i, n)

    monkeypatch.setattr(rules_module, "_match_at", counting)
    counts = []
    for size in (2000, 4000):
        steps["n"] = 0
        _match(rules, "called " * size)
        counts.append(steps["n"])
    assert counts[0] > 0 and counts[1] <= 2 * counts[0] + 10


def test_a_gap_does_not_cross_a_comma():
    """"..." stops at a comma: a phrase's words in another clause are not one trigger."""
    from libyaevents_rules.rules import RuleSet, Rule, _match_at  # noqa: F401

    rules = RuleSet([Rule(id="t.gap", type="ASSAULT", mode=None, phrases=("shelled ... positions",))])
    for text, expected in (("They shelled the positions.", 1), ("They shelled Sirte, attacking its positions.", 0)):
        norm = fold(text)
        toks = tokens(norm)
        assert len(rules.match(toks, norm, 0, len(norm))) == expected, text


def test_needs_actor_accepts_true_false_or_any(tmp_path):
    from libyaevents_rules.rules import RuleError, read_rule_file

    path = tmp_path / "r.toml"
    path.write_text('[[rule]]\nid = "x"\ntype = "COERCE"\nphrases = ["@disperse"]\nneeds_actor = "group"\n', encoding="utf-8")
    with pytest.raises(RuleError, match="needs_actor"):
        read_rule_file(path)
    path.write_text('[[rule]]\nid = "x"\ntype = "COERCE"\nphrases = ["@disperse"]\nneeds_actor = "any"\n', encoding="utf-8")
    assert read_rule_file(path)[0].needs_actor == "any"
