"""The softmax head: fitting, probabilities, cross-validation, safe files."""

from __future__ import annotations

import zipfile

import numpy as np
import pytest
from libyaevents_ml.head import SoftmaxHead, cross_validate, fit, load_head, select_l2, stratified_folds


def _blobs(n_per=30, seed=0):
    rng = np.random.default_rng(seed)
    centres = {"ASSAULT": [3, 0, 0], "CONSULT": [0, 3, 0], "NONE": [0, 0, 3]}
    X, y = [], []
    for label, c in centres.items():
        X.append(rng.normal(c, 1.0, size=(n_per, 3)))
        y += [label] * n_per
    return np.vstack(X), y


def test_fit_separates_and_probabilities_sum_to_one():
    X, y = _blobs()
    head = fit(X, y, l2=1e-3)
    assert head.labels == ("ASSAULT", "CONSULT", "NONE")
    p = head.predict_proba(np.array([[3.0, 0, 0], [0, 3.0, 0], [0, 0, 3.0]]))
    assert np.allclose(p.sum(axis=1), 1.0)
    assert head.predict(np.array([[3.0, 0, 0], [0, 3.0, 0], [0, 0, 3.0]])) == ["ASSAULT", "CONSULT", "NONE"]
    assert p.max(axis=1).min() > 0.8


def test_stronger_l2_gives_less_confident_predictions():
    X, y = _blobs()
    weak, strong = fit(X, y, l2=1e-4), fit(X, y, l2=1.0)
    x = np.array([[3.0, 0, 0]])
    assert weak.predict_proba(x).max() > strong.predict_proba(x).max()


def test_label_without_examples_is_never_predicted():
    X, y = _blobs()
    head = fit(X, y, labels=("ASSAULT", "CONSULT", "NONE", "AID"))
    assert "AID" not in head.predict(X)
    assert head.predict_proba(X)[:, 3].max() < 1e-6


def test_unknown_label_is_refused():
    X, y = _blobs()
    with pytest.raises(ValueError, match="FIGHT"):
        fit(X, [*y[:-1], "FIGHT"], labels=("ASSAULT", "CONSULT", "NONE"))


def test_save_and_load_round_trip_without_pickle(tmp_path):
    X, y = _blobs()
    head = fit(X, y, meta={"model": "test", "n": len(y)})
    path = head.save(tmp_path / "head")
    assert path.suffix == ".npz"
    # every member is a plain array: loading with allow_pickle=False works
    with np.load(path, allow_pickle=False) as z:
        assert all(z[name].dtype != object for name in z.files)
    again = load_head(path)
    assert again.labels == head.labels and again.meta == head.meta
    assert np.allclose(again.predict_proba(X), head.predict_proba(X))
    assert zipfile.is_zipfile(path)


def test_a_file_with_pickled_objects_is_refused(tmp_path):
    path = tmp_path / "evil.npz"
    np.savez(path, W=np.zeros((3, 2)), b=np.zeros(2), mean=np.zeros(3), scale=np.ones(3),
             labels=np.array(["A", "B"]), meta=np.array([{"x": 1}], dtype=object))
    with pytest.raises(ValueError):
        SoftmaxHead.load(path)


def test_wrong_embedding_size_is_explained():
    X, y = _blobs()
    head = fit(X, y)
    with pytest.raises(ValueError, match=r"\(n, 3\)"):
        head.predict_proba(np.zeros((2, 5)))


def test_stratified_folds_cover_every_row_once_and_keep_shares():
    _, y = _blobs(n_per=10)
    folds = stratified_folds(y, 5)
    rows = np.concatenate(folds)
    assert sorted(rows.tolist()) == list(range(len(y)))
    for f in folds:
        assert sorted(y[i] for i in f) == ["ASSAULT"] * 2 + ["CONSULT"] * 2 + ["NONE"] * 2


def test_cross_validation_reports_per_label_accuracy():
    X, y = _blobs()
    report = cross_validate(X, y, k=5)
    assert report["accuracy"] > 0.9
    assert set(report["per_label"]) == {"ASSAULT", "CONSULT", "NONE"}
    assert report["per_label"]["ASSAULT"]["n"] == 30
    l2, best = select_l2(X, y, grid=(1e-3, 1.0), k=3)
    assert l2 in (1e-3, 1.0) and best["accuracy"] > 0.9


def test_plain_gradient_descent_fallback_agrees_with_lbfgs():
    from libyaevents_ml import head as H

    X, y = _blobs()
    Xs = (X - X.mean(axis=0)) / X.std(axis=0)
    Y = np.eye(3)[[("ASSAULT", "CONSULT", "NONE").index(t) for t in y]]
    theta0 = np.zeros(4 * 3)
    gd = H._gradient_descent(theta0, Xs, Y, 1e-2, 2000)
    lb = H._minimise(theta0, Xs, Y, 1e-2, 500)
    assert H._loss_grad(gd, Xs, Y, 1e-2)[0] == pytest.approx(H._loss_grad(lb, Xs, Y, 1e-2)[0], rel=1e-3)
