"""How-to: score an export against your own gold annotations (docs/howto/evaluate.md).

A deliberately small scorer: events only, matched by type and evidence overlap.
"""

import json
from pathlib import Path

HERE = Path(__file__).parent

# --8<-- [start:gold]
gold = {
    "articles": [
        {
            "id": "zawiya-1",
            "events": [
                {
                    "id": "e1",
                    "required": True,
                    "types": ["ASSAULT"],
                    "anchors": ["clashed with an armed group in Zawiya"],
                    "source": ["Government of National Unity"],
                    "location": ["Zawiya"],
                    "date": "2024-03-12",
                    "date_tolerance_days": 1,
                    "fatalities": 4,
                },
                {
                    "id": "e2",
                    "required": False,  # a statement: acceptable, not expected
                    "types": ["ACCUSE"],
                    "anchors": ["the Health Ministry said"],
                },
            ],
        }
    ]
}
# --8<-- [end:gold]


# --8<-- [start:score]
def anchor_spans(text, anchors):
    """Every place each anchor quote occurs in the text, as (start, end)."""
    spans = []
    for quote in anchors:
        start = text.find(quote)
        while start != -1:
            spans.append((start, start + len(quote)))
            start = text.find(quote, start + 1)
    return spans


def evidence_of(event):
    ev = event["evidence"]
    return [(s["start"], s["end"]) for s in (ev if isinstance(ev, list) else [ev])]


def matches(pred, gold_event, text):
    if pred["type"] not in gold_event["types"]:
        return False
    return any(a < e and s < b for s, e in evidence_of(pred) for a, b in anchor_spans(text, gold_event["anchors"]))


def score(gold, export):
    predicted = {a["id"]: a for a in export["articles"]}
    tp = fp = found = required = 0
    for article in gold["articles"]:
        pred = predicted.get(article["id"], {"events": [], "text": ""})
        for p in pred["events"]:
            if any(matches(p, g, pred["text"]) for g in article["events"]):
                tp += 1
            else:
                fp += 1
        for g in article["events"]:
            if g.get("required", True):
                required += 1
                found += any(matches(p, g, pred["text"]) for p in pred["events"])
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = found / required if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


with open(HERE / "example_export.json", encoding="utf-8") as stream:
    export = json.load(stream)
print("events P=%.2f R=%.2f F1=%.2f" % score(gold, export))
# --8<-- [end:score]

assert score(gold, export) == (1.0, 1.0, 1.0)
