"""Exceptions libyaevents raises; everything else it reports as a Problem record.

.. versionadded:: 0.1
"""

from __future__ import annotations

__all__ = ["ExportError", "InputError", "LibyaEventsError", "PluginError", "UnknownFormatError"]


class LibyaEventsError(Exception):
    """Base class of every libyaevents exception."""


class InputError(LibyaEventsError):
    """An input could not be read; carries the file and line it names.

    Args:
        message: What is wrong.
        origin: ``"file:line"`` or the file name.
    """

    def __init__(self, message: str, origin: str | None = None) -> None:
        super().__init__(f"{origin}: {message}" if origin else message)
        self.message = message
        self.origin = origin


class PluginError(LibyaEventsError):
    """A plugin broke its contract (registered something invalid, or twice)."""


class UnknownFormatError(LibyaEventsError):
    """No exporter (or reader) is registered under the requested name."""


class ExportError(LibyaEventsError):
    """A saved export could not be read back."""
