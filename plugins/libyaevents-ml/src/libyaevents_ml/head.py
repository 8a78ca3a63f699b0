"""The classifier head: multinomial logistic regression on sentence embeddings.

A head maps a sentence embedding to a probability for each label (the 16 PLOVER types
and ``"NONE"``). It is small and plain on purpose: standardised features, one weight
matrix and one bias vector, an L2 penalty, fitted with L-BFGS (scipy, when it is
installed, as it is with sentence-transformers) or with plain gradient descent
(numpy alone). No scikit-learn: the head is a few arrays that numpy saves and loads
without pickle, so a head file cannot run code when it is opened.

A head file is an ``.npz`` archive holding ``W`` (dim × labels), ``b``, ``mean``,
``scale``, ``labels`` (a unicode array) and ``meta`` (a JSON string: the embedding
model, its dimension, the L2 strength, the training size and the cross-validated
scores). It is read with ``allow_pickle=False``.

.. versionadded:: 0.1
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["NONE", "SoftmaxHead", "cross_validate", "fit", "load_head", "select_l2", "stratified_folds"]

#: The label of a sentence that states no event.
NONE = "NONE"

#: The L2 strengths :func:`select_l2` tries (penalty on the mean loss).
L2_GRID: tuple[float, ...] = (1e-3, 3e-3, 1e-2, 3e-2, 1e-1)


class SoftmaxHead:
    """A fitted multinomial logistic regression.

    Attributes:
        labels: Label of each output column.
        W: Weights, shape (dim, len(labels)).
        b: Biases, shape (len(labels),).
        mean: Feature means subtracted before the weights apply.
        scale: Feature standard deviations divided by before the weights apply.
        meta: What the head was trained on and how well it did (JSON-able).
    """

    def __init__(
        self,
        labels: Sequence[str],
        W: np.ndarray,  # noqa: N803 - the usual name
        b: np.ndarray,
        mean: np.ndarray,
        scale: np.ndarray,
        meta: dict[str, Any] | None = None,
    ) -> None:
        self.labels = tuple(str(x) for x in labels)
        self.W = np.asarray(W, dtype=np.float64)
        self.b = np.asarray(b, dtype=np.float64)
        self.mean = np.asarray(mean, dtype=np.float64)
        self.scale = np.asarray(scale, dtype=np.float64)
        self.meta = dict(meta or {})
        k = len(self.labels)
        if self.W.shape != (self.mean.shape[0], k) or self.b.shape != (k,) or self.scale.shape != self.mean.shape:
            raise ValueError(
                f"inconsistent head arrays: W {self.W.shape}, b {self.b.shape}, mean {self.mean.shape}, "
                f"scale {self.scale.shape}, {k} labels"
            )

    @property
    def dim(self) -> int:
        """The embedding dimension the head expects."""
        return int(self.mean.shape[0])

    def logits(self, X: np.ndarray) -> np.ndarray:  # noqa: N803
        """Raw scores, shape (n, labels)."""
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != self.dim:
            raise ValueError(f"expected embeddings of shape (n, {self.dim}), got {X.shape}")
        return ((X - self.mean) / self.scale) @ self.W + self.b

    def predict_proba(self, X: np.ndarray) -> np.ndarray:  # noqa: N803
        """Probability of each label, shape (n, labels); rows sum to 1."""
        return _softmax(self.logits(X))

    def predict(self, X: np.ndarray) -> list[str]:  # noqa: N803
        """The most probable label of each row."""
        return [self.labels[i] for i in self.predict_proba(X).argmax(axis=1)]

    # -- files ---------------------------------------------------------------

    def save(self, path: str | Path) -> Path:
        """Write the head as an ``.npz`` archive (no pickled objects); returns the path written."""
        path = Path(path)
        if path.suffix != ".npz":
            path = path.with_name(path.name + ".npz")
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(
            path,
            W=self.W,
            b=self.b,
            mean=self.mean,
            scale=self.scale,
            labels=np.array(self.labels, dtype=str),
            meta=np.array(json.dumps(self.meta, sort_keys=True)),
        )
        return path

    @classmethod
    def load(cls, path: str | Path) -> SoftmaxHead:
        """Read a head written by :meth:`save` (``allow_pickle=False``: data only)."""
        with np.load(Path(path), allow_pickle=False) as z:
            missing = {"W", "b", "mean", "scale", "labels", "meta"} - set(z.files)
            if missing:
                raise ValueError(f"{path} is not a libyaevents-ml head (missing {', '.join(sorted(missing))})")
            return cls(
                labels=[str(x) for x in z["labels"]],
                W=z["W"],
                b=z["b"],
                mean=z["mean"],
                scale=z["scale"],
                meta=json.loads(str(z["meta"])),
            )


def load_head(path: str | Path) -> SoftmaxHead:
    """Read a head file (see :meth:`SoftmaxHead.load`)."""
    return SoftmaxHead.load(path)


# ---------------------------------------------------------------------------
# Fitting
# ---------------------------------------------------------------------------


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _loss_grad(theta: np.ndarray, X: np.ndarray, Y: np.ndarray, l2: float) -> tuple[float, np.ndarray]:  # noqa: N803
    """Mean cross-entropy + l2/2·|W|², and its gradient, for theta = [W; b] flattened."""
    n, d = X.shape
    k = Y.shape[1]
    Wb = theta.reshape(d + 1, k)
    W, b = Wb[:d], Wb[d]
    P = _softmax(X @ W + b)
    loss = -float(np.sum(Y * np.log(P + 1e-12))) / n + 0.5 * l2 * float(np.sum(W * W))
    G = (P - Y) / n
    grad = np.vstack([X.T @ G + l2 * W, G.sum(axis=0, keepdims=True)])
    return loss, grad.ravel()


def fit(
    X: np.ndarray,  # noqa: N803
    y: Sequence[str],
    *,
    l2: float = 1e-2,
    labels: Sequence[str] | None = None,
    max_iter: int = 500,
    meta: dict[str, Any] | None = None,
) -> SoftmaxHead:
    """Fit a softmax regression head to embeddings ``X`` and labels ``y``.

    Args:
        X: Embeddings, shape (n, dim).
        y: One label per row.
        l2: L2 penalty on the weights (the loss is a mean over rows).
        labels: Output labels in order (default: sorted labels of ``y``). A label
            with no example keeps a large negative bias.
        max_iter: Iterations of the optimiser.
        meta: Stored with the head.

    Returns:
        The fitted head.
    """
    X = np.asarray(X, dtype=np.float64)
    labels = tuple(labels) if labels is not None else tuple(sorted(set(y)))
    index = {lab: i for i, lab in enumerate(labels)}
    unknown = sorted(set(y) - set(index))
    if unknown:
        raise ValueError(f"labels not in the head's label set: {', '.join(unknown)}")
    n, d = X.shape
    k = len(labels)
    Y = np.zeros((n, k))
    Y[np.arange(n), [index[lab] for lab in y]] = 1.0
    mean = X.mean(axis=0)
    scale = X.std(axis=0) + 1e-6
    Xs = (X - mean) / scale
    theta0 = np.zeros((d + 1) * k)
    theta = _minimise(theta0, Xs, Y, l2, max_iter)
    Wb = theta.reshape(d + 1, k)
    W, b = Wb[:d].copy(), Wb[d].copy()
    absent = Y.sum(axis=0) == 0
    b[absent] = -30.0  # never predict a label that had no example
    return SoftmaxHead(labels, W, b, mean, scale, meta=meta)


def _minimise(theta0: np.ndarray, X: np.ndarray, Y: np.ndarray, l2: float, max_iter: int) -> np.ndarray:  # noqa: N803
    try:
        from scipy.optimize import minimize
    except ImportError:  # pragma: no cover - scipy comes with sentence-transformers
        return _gradient_descent(theta0, X, Y, l2, max_iter * 4)
    res = minimize(_loss_grad, theta0, args=(X, Y, l2), jac=True, method="L-BFGS-B", options={"maxiter": max_iter})
    return np.asarray(res.x)


def _gradient_descent(theta: np.ndarray, X: np.ndarray, Y: np.ndarray, l2: float, steps: int) -> np.ndarray:  # noqa: N803
    """Nesterov-accelerated gradient descent with a step from the Lipschitz bound."""
    n = X.shape[0]
    lipschitz = 0.5 * float(np.linalg.norm(X, 2) ** 2) / n + l2 + 1e-9
    step = 1.0 / lipschitz
    prev = theta.copy()
    for t in range(1, steps + 1):
        look = theta + (t - 1) / (t + 2) * (theta - prev)
        _, g = _loss_grad(look, X, Y, l2)
        prev, theta = theta, look - step * g
    return theta


# ---------------------------------------------------------------------------
# Cross-validation
# ---------------------------------------------------------------------------


def stratified_folds(y: Sequence[str], k: int = 5, seed: int = 0) -> list[np.ndarray]:
    """Split row indices into ``k`` folds keeping each label's share (deterministic)."""
    rng = np.random.default_rng(seed)
    folds: list[list[int]] = [[] for _ in range(k)]
    by_label: dict[str, list[int]] = {}
    for i, lab in enumerate(y):
        by_label.setdefault(lab, []).append(i)
    offset = 0
    for lab in sorted(by_label):
        rows = np.array(by_label[lab])
        rng.shuffle(rows)
        for j, row in enumerate(rows):
            folds[(j + offset) % k].append(int(row))
        offset += len(rows)
    return [np.array(sorted(f), dtype=int) for f in folds]


def cross_validate(
    X: np.ndarray,  # noqa: N803
    y: Sequence[str],
    *,
    l2: float = 1e-2,
    k: int = 5,
    labels: Sequence[str] | None = None,
    seed: int = 0,
) -> dict[str, Any]:
    """Stratified ``k``-fold cross-validation of :func:`fit`.

    Returns:
        ``{"accuracy": float, "l2": float, "folds": k, "per_label": {label: {"n",
        "recall", "precision"}}, "predictions": [label per row]}``; a label's
        "recall" is the share of its sentences classified as it (its accuracy).
    """
    X = np.asarray(X, dtype=np.float64)
    y = list(y)
    labels = tuple(labels) if labels is not None else tuple(sorted(set(y)))
    pred: list[str] = [""] * len(y)
    for test in stratified_folds(y, k, seed):
        mask = np.ones(len(y), dtype=bool)
        mask[test] = False
        head = fit(X[mask], [y[i] for i in np.flatnonzero(mask)], l2=l2, labels=labels)
        for i, lab in zip(test, head.predict(X[test])):
            pred[int(i)] = lab
    per_label = {}
    for lab in labels:
        n = sum(1 for t in y if t == lab)
        hit = sum(1 for t, p in zip(y, pred) if t == lab and p == lab)
        said = sum(1 for p in pred if p == lab)
        per_label[lab] = {
            "n": n,
            "recall": hit / n if n else 0.0,
            "precision": hit / said if said else 0.0,
        }
    acc = sum(1 for t, p in zip(y, pred) if t == p) / len(y) if y else 0.0
    return {"accuracy": acc, "l2": l2, "folds": k, "per_label": per_label, "predictions": pred}


def select_l2(
    X: np.ndarray,  # noqa: N803
    y: Sequence[str],
    *,
    grid: Sequence[float] = L2_GRID,
    k: int = 5,
    labels: Sequence[str] | None = None,
) -> tuple[float, dict[str, Any]]:
    """Pick the L2 strength with the best ``k``-fold accuracy; returns it and its report."""
    best: tuple[float, dict[str, Any]] | None = None
    for l2 in grid:
        report = cross_validate(X, y, l2=l2, k=k, labels=labels)
        if best is None or report["accuracy"] > best[1]["accuracy"] + 1e-9:
            best = (l2, report)
    assert best is not None
    return best
