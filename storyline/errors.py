"""Every exception storyline raises on purpose.

A message names the file or record, the cause and, where known, the fix.
The CLI prints it as one line; the web layer turns it into one JSON shape.
"""

from __future__ import annotations


class StorylineError(Exception):
    """Base class: an expected failure, reported to the user without a traceback."""


class InputError(StorylineError):
    """An input file or record cannot be read."""

    def __init__(self, path: str, reason: str, item: str | None = None) -> None:
        self.path, self.reason, self.item = path, reason, item
        where = f"{path}: {item}" if item else path
        super().__init__(f"{where}: {reason}")


class UsageError(StorylineError):
    """A caller asked for something that cannot be done (bad option, unknown id)."""


class NotFound(UsageError):
    """A story, article or entity id that the store does not hold."""


class StoreError(StorylineError):
    """The database cannot be opened or is not a storyline database."""


class ModelMissing(StorylineError):
    """An optional model package is not installed."""
