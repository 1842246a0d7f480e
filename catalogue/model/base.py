"""The base of every record model: strict, frozen, no unknown fields."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from pydantic.json_schema import SkipJsonSchema

from .fields import field


class Record(BaseModel):
    """Strict: unknown fields are errors, nothing is silently converted."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)

    def __reduce__(self) -> tuple:
        # The record cache holds about 90,000 models at national scale. Pydantic's own pickling
        # stores four attributes in a dict for each and sets them one by one in Python; no model
        # here has extra fields (forbidden) or private attributes, so the values and which of
        # them were written are all there is: unpickling the cache takes about a fifth less.
        return _revive, (type(self), self.__dict__, tuple(self.__pydantic_fields_set__))


_set = object.__setattr__


def _revive(cls: type[Record], values: dict, written: tuple[str, ...]) -> Record:
    record = cls.__new__(cls)
    _set(record, "__dict__", values)
    _set(record, "__pydantic_fields_set__", set(written))
    _set(record, "__pydantic_extra__", None)
    _set(record, "__pydantic_private__", None)
    return record


class Identified(Record):
    # The id is the file name; the loader sets it, editors never write it.
    id: SkipJsonSchema[str] = field("Identifikátor = název souboru bez přípony")
