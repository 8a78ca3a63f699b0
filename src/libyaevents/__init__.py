"""libyaevents: event data from news about Libya.

Who did what to whom, where (coordinates), when (resolved dates), with casualties,
each field traceable to the words that say it. The core defines the models and the
plugin contract; extractors and exporters are plugins.

Examples:
    ```python
    import libyaevents

    result = libyaevents.extract(text, published="2025-07-12")
    for event in result.events:
        print(event.type, [a.name for a in event.source], event.location)
    ```

.. versionadded:: 0.1
"""

from __future__ import annotations

__version__ = "0.1.0"

from ._document import Document
from ._models import (
    ACTOR_KINDS,
    DATE_PRECISIONS,
    Actor,
    Article,
    ArticleResult,
    Contexts,
    Count,
    Event,
    EventDate,
    Location,
    Mention,
    Problem,
    Role,
    Span,
)
from ._pipeline import Pipeline, extract
from .hookspecs import hookimpl
from .plugins import get_plugins
from .serialization import Export, load

__all__ = [
    "ACTOR_KINDS",
    "DATE_PRECISIONS",
    "Actor",
    "Article",
    "ArticleResult",
    "Contexts",
    "Count",
    "Document",
    "Event",
    "EventDate",
    "Export",
    "Location",
    "Mention",
    "Pipeline",
    "Problem",
    "Role",
    "Span",
    "__version__",
    "extract",
    "get_plugins",
    "hookimpl",
    "load",
]
