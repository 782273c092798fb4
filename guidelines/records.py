"""Rebuilding archive records fast: `minutes.domain.from_dict`, planned once per class.

`from_dict` inspects every field's type on every record; a year's report rebuilds ~80,000 records
(2.6 s of a full-scale report, profiled). This works out once per class which fields need
converting (enums, datetimes, nested records) and then only converts those. Same semantics as
`from_dict` — unknown keys ignored, None kept — which `tests/test_compliance_golden.py` checks.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

T = TypeVar("T")
Converter = Callable[[Any], Any] | None


def fast_from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """`from_dict(cls, data)`, with the per-field work decided once per class."""
    kwargs = {}
    for name, convert in _plan(cls):
        if name in data:
            value = data[name]
            kwargs[name] = value if convert is None or value is None else convert(value)
    return cls(**kwargs)


@functools.cache
def _plan(cls: type) -> tuple[tuple[str, Converter], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls))


def _converter(tp: Any) -> Converter:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _converter(args[0]) if len(args) == 1 else None
    if origin is list:
        (inner,) = typing.get_args(tp)
        each = _converter(inner)
        if each is None:
            return list
        return lambda values: [None if v is None else each(v) for v in values]
    if isinstance(tp, type):
        if issubclass(tp, Enum):
            return functools.partial(_enum, tp, tp._value2member_map_)
        if issubclass(tp, datetime):
            return datetime.fromisoformat
        if issubclass(tp, date):
            return date.fromisoformat
        if dataclasses.is_dataclass(tp):
            return functools.partial(fast_from_dict, tp)
    return None


def _enum(tp: type[Enum], members: dict[Any, Enum], value: Any) -> Enum:
    """`tp(value)` by dictionary lookup: calling an Enum class costs ~4 µs, a third of a record."""
    member = members.get(value)
    return member if member is not None else tp(value)
