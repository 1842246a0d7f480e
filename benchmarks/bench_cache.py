#!/usr/bin/env python3
"""Compare ways to keep the record cache, on the national catalogue: what a warm ``check`` pays to read it.

    python benchmarks/bench_cache.py [--runs 5] [--content DIR]

The cache must not run code when someone plants a file in ``.cache/``. Two ways:
a data format (JSON here; the records are rebuilt from it without validation,
the cheapest any data format can do), or the pickle sealed with the user's key
(``catalogue/sealed.py``: an HMAC check, then unpickling). Prints the size and the
median time to read the cache each way, and for reference the unsealed pickle
of before (which a planted file could abuse).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import hmac
import json
import pickle
import statistics
import sys
import time
import typing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT)]

from common import national_unless, workspace  # noqa: E402

from catalogue import sealed  # noqa: E402
from catalogue.model.kinds import KINDS  # noqa: E402
from catalogue.validate.cache import Entry, RecordCache, default_cache_folder  # noqa: E402
from catalogue.validate.stage import check_content  # noqa: E402
from pydantic import BaseModel  # noqa: E402


def median_seconds(work, runs: int) -> float:
    times = []
    for _ in range(runs):
        gc.disable()  # as pipeline.load does while it reads the cache
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
        gc.enable()
    return statistics.median(times)


def _model_of(annotation: object) -> tuple[type[BaseModel] | None, bool]:
    """Return (model class, is a list of them) inside an annotation such as ``Optional[list[Location]]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    origin = typing.get_origin(annotation)
    for arg in typing.get_args(annotation):
        model, many = _model_of(arg)
        if model is not None:
            return model, many or origin is list
    return None, False


def _is_date(annotation: object) -> bool:
    return annotation is dt.date or any(_is_date(a) for a in typing.get_args(annotation))


def rebuild(model: type[BaseModel], data: dict) -> BaseModel:
    """Make a record from JSON data without validating it (``model_construct`` all the way down)."""
    values = {}
    for name, info in model.model_fields.items():
        if name not in data:
            continue
        value = data[name]
        inner, many = _model_of(info.annotation)
        if inner is not None and value is not None:
            value = [rebuild(inner, v) for v in value] if many else rebuild(inner, value)
        elif _is_date(info.annotation) and isinstance(value, str):
            value = dt.date.fromisoformat(value)
        elif isinstance(value, list) and value and isinstance(value[0], list):
            value = [tuple(v) for v in value]  # opening hours: (start, end) minutes
        values[name] = value
    return model.model_construct(**values)


def to_json(entries: dict[str, Entry]) -> bytes:
    kinds = {kind.model: folder for folder, kind in KINDS.items()}
    out = {}
    for key, entry in entries.items():
        record = entry.record
        out[key] = [
            kinds.get(type(record)), record.model_dump(mode="json") if record is not None else None,
            [list(p) for p in entry.problems], [[f[0], f[1], list(f[2]), f[3]] for f in entry.facts],
        ]
    return json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode()


def from_json(data: bytes) -> dict[str, Entry]:
    entries = {}
    for key, (kind, record, problems, facts) in json.loads(data).items():
        made = rebuild(KINDS[kind].model, record) if record is not None else None
        entries[key] = Entry(made, tuple(map(tuple, problems)), tuple((f[0], f[1], tuple(f[2]), f[3]) for f in facts))
    return entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--content", type=Path, help="a catalogue to use instead of generating the national one")
    args = parser.parse_args()
    with workspace("bench-cache-") as work:
        content = national_unless(args.content, work)
        check_content(content)  # writes the cache
        path = default_cache_folder(content) / "records.pickle"
        sealed_bytes = path.read_bytes()
        entries = RecordCache(path.parent).entries
        plain_bytes = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
        json_bytes = to_json(entries)
        same = from_json(json_bytes)
        assert all(same[k].record == entries[k].record for k in entries), "the JSON round trip changed a record"
        rows = [
            ("pickle, unsealed (before; runs planted code)", len(plain_bytes), median_seconds(lambda: pickle.loads(plain_bytes), args.runs)),
            ("pickle sealed with the user's key (HMAC-SHA256)", len(sealed_bytes), median_seconds(lambda: sealed.unseal(sealed_bytes), args.runs)),
            ("  of which the HMAC check", len(sealed_bytes), median_seconds(lambda: hmac.new(b"k" * 32, sealed_bytes, "sha256").digest(), args.runs)),
            ("JSON, records rebuilt without validation", len(json_bytes), median_seconds(lambda: from_json(json_bytes), args.runs)),
            ("  of which json.loads alone", len(json_bytes), median_seconds(lambda: json.loads(json_bytes), args.runs)),
        ]
    print(f"record cache of {len(entries):,} records (national catalogue), median of {args.runs} reads:")
    for label, size, seconds in rows:
        print(f"  {label:<50} {size / 1e6:6.1f} MB   {seconds:6.3f} s")


if __name__ == "__main__":
    main()
