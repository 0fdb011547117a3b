"""Models to JSON columns and back.

Written by hand rather than with pydantic because the models are plain
dataclasses and only a handful nest; the decoders below are the whole map.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from storyline.models import (
    Claim,
    Conflict,
    Entity,
    Event,
    EventMention,
    Mention,
    Role,
    Source,
    Span,
    TimeExpr,
)


def dumps(value: Any) -> str:
    """Return compact JSON for a model, a list of models or plain data."""
    return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"))


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _fields(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """Keep only the keys the dataclass knows, so older rows still load after a field is added."""
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def entity_from(data: dict[str, Any]) -> Entity:
    """Return an Entity from its JSON form."""
    fields = _fields(Entity, data)
    fields["roles"] = [Role(**_fields(Role, r)) for r in data.get("roles", [])]
    fields["mentions"] = [Mention(**_fields(Mention, m)) for m in data.get("mentions", [])]
    return Entity(**fields)


def event_from(data: dict[str, Any]) -> Event:
    """Return a timeline Event from its JSON form."""
    fields = _fields(Event, data)
    fields["sources"] = [Source(**_fields(Source, s)) for s in data.get("sources", [])]
    return Event(**fields)


def conflict_from(data: dict[str, Any]) -> Conflict:
    """Return a Conflict from its JSON form."""
    fields = _fields(Conflict, data)
    fields["claims"] = [Claim(**_fields(Claim, c)) for c in data.get("claims", [])]
    return Conflict(**fields)


def spans(text: str) -> list[Span]:
    return [Span(**_fields(Span, d)) for d in json.loads(text)]


def entities(text: str) -> list[Entity]:
    return [entity_from(d) for d in json.loads(text)]


def timexes(text: str) -> list[TimeExpr]:
    return [TimeExpr(**_fields(TimeExpr, d)) for d in json.loads(text)]


def event_mentions(text: str) -> list[EventMention]:
    return [EventMention(**_fields(EventMention, d)) for d in json.loads(text)]
