"""The base of every record model: strict, frozen, no unknown fields."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from pydantic.json_schema import SkipJsonSchema

from .fields import field


class Record(BaseModel):
    """Strict: unknown fields are errors, nothing is silently converted."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Identified(Record):
    # The id is the file name; the loader sets it, editors never write it.
    id: SkipJsonSchema[str] = field("Identifikátor = název souboru bez přípony")
