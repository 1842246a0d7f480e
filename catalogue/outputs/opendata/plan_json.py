"""The shape of the community plans as open data (``data/komunitni-plan.json``): models whose dump is the
data and whose JSON Schema is published beside it, so the two cannot drift.

The schema's version is the contract: a new optional field raises the minor number,
a field removed, renamed or changed in meaning raises the major one. Every object is
closed (``additionalProperties: false``).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Ref(Out):
    id: str = Field(description="Identifikátor záznamu v katalogu")
    name: str = Field(description="Název")
    url: Optional[str] = Field(None, description="Stránka záznamu v katalogu, nebo web organizace")


class Years(Out):
    start: int
    end: int


class ApprovalOut(Out):
    body: str = Field(description="Kdo schválil")
    resolution: Optional[str] = Field(None, description="Číslo usnesení")
    date: dt.date


class Point(Out):
    year: int
    value: float


class IndicatorOut(Out):
    name: str
    unit: Optional[str] = None
    baseline: Optional[Point] = None
    target: Optional[Point] = None
    values: list[Point] = Field(description="Naměřené hodnoty po letech, od nejstarší")
    source: Optional[str] = None


class ActivityOut(Out):
    number: str = Field(description="Číslo aktivity, např. 2.3.1")
    title: str
    description: Optional[str] = None
    responsible: Optional[Ref] = None
    deadline: Optional[int] = None
    status: Optional[Literal["planned", "in_progress", "done", "dropped"]] = None


class MeasureOut(Out):
    id: str
    number: str = Field(description="Číslo opatření, např. 2.3; první číslo je priorita")
    url: str
    title: str
    summary: Optional[str] = None
    description: Optional[str] = Field(None, description="Popis (Markdown)")
    status: Literal["planned", "in_progress", "done", "dropped"]
    status_note: Optional[str] = None
    target_groups: list[Ref]
    service_types: list[Ref]
    localities: list[Ref] = Field(description="Prázdné: celé území plánu")
    services: list[Ref] = Field(description="Služby katalogu, které opatření naplňují")
    responsible: Ref = Field(description="Odpovědná organizace (nikdy osoba)")
    partners: list[Ref]
    working_group: Optional[str] = Field(None, description="Identifikátor pracovní skupiny")
    years: Years = Field(description="Roky plnění")
    cost: Optional[int] = Field(None, description="Odhad nákladů v měně země katalogu")
    cost_note: Optional[str] = None
    funding: list[str] = Field(description="Identifikátory zdrojů financování (funding_sources)")
    indicators: list[IndicatorOut]
    activities: list[ActivityOut]


class PriorityOut(Out):
    id: str
    number: str
    url: str
    title: str
    summary: Optional[str] = None
    text: Optional[str] = Field(None, description="Markdown")
    measures: list[str] = Field(description="Čísla opatření priority")


class ShareOut(Out):
    source: str = Field(description="Identifikátor zdroje financování")
    amount: Optional[int] = None


class YearMeasureOut(Out):
    measure: str = Field(description="Číslo opatření")
    activities: Optional[str] = None
    cost: Optional[int] = None
    funding: list[ShareOut]
    status: Optional[Literal["planned", "in_progress", "done", "dropped"]] = None
    evaluation: Optional[str] = None


class CapacityOut(Out):
    count: int
    unit: str = Field(description="Jednotka kapacity ze slovníku capacity-units")
    form: Optional[str] = Field(default=None, description="Forma poskytování, ke které kapacita patří (residential, outpatient, field)")


class NetworkServiceOut(Out):
    service: Ref
    capacity: list[CapacityOut] = Field(description="Kapacita v roce, nebo dnešní podle katalogu: jedna, nebo po formách")
    capacity_from_catalogue: bool = Field(description="true: kapacita je dnešní údaj katalogu, ne údaj akčního plánu")
    funding: list[ShareOut]
    note: Optional[str] = None


class ActionPlanOut(Out):
    id: str
    year: int
    url: str
    title: Optional[str] = Field(None, description="Chybí: akční plán na rok year")
    status: Literal["draft", "approved", "evaluated"]
    approval: Optional[ApprovalOut] = None
    text: Optional[str] = None
    measures: list[YearMeasureOut] = Field(description="Opatření plněná v tomto roce")
    network: list[NetworkServiceOut] = Field(description="Síť služeb v tomto roce")
    evaluation: Optional[str] = None


class MeetingOut(Out):
    date: dt.date
    title: Optional[str] = None
    place: Optional[str] = None
    minutes_url: Optional[str] = None
    minutes_pdf: Optional[str] = None


class WorkingGroupOut(Out):
    id: str
    url: str
    name: str
    summary: Optional[str] = None
    target_groups: list[Ref]
    coordinator: Optional[Ref] = None
    members: list[Ref] = Field(description="Členské organizace (nikdy osoby)")
    meetings: list[MeetingOut]


class CommentOut(Out):
    number: int
    received: Optional[dt.date] = None
    organisation: Optional[Ref] = Field(None, description="Chybí: připomínka veřejnosti")
    measures: list[str]
    text: str
    outcome: Literal["accepted", "partly", "rejected", "noted"]
    response: Optional[str] = None
    changed: list[str] = Field(description="Čísla opatření změněných kvůli připomínce")


class CommentPeriodOut(Out):
    id: str
    url: str
    title: str
    opens: dt.date
    closes: dt.date
    draft: Optional[str] = None
    comments: list[CommentOut]


class FundingSourceOut(Out):
    id: str
    name: str
    description: Optional[str] = None


class PlanOut(Out):
    id: str
    url: str
    title: str
    short_title: Optional[str] = None
    period: Years
    status: Literal["draft", "comment", "approved", "evaluated"]
    area: list[Ref]
    approval: Optional[ApprovalOut] = None
    commissioner: Optional[Ref] = None
    document: Optional[str] = Field(None, description="Schválený dokument (PDF)")
    summary: Optional[str] = None
    text: Optional[str] = None
    evaluation: Optional[str] = None
    funding_sources: list[FundingSourceOut]
    priorities: list[PriorityOut]
    measures: list[MeasureOut]
    action_plans: list[ActionPlanOut]
    working_groups: list[WorkingGroupOut]
    comment_periods: list[CommentPeriodOut]


class PlansDocument(Out):
    """Komunitní plány sociálních služeb: priority, opatření, akční plány a jejich vazba na služby katalogu."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    schema_url: str = Field(alias="$schema", description="Adresa JSON Schematu tohoto souboru")
    version: str = Field(description="Verze schématu")
    catalogue: str = Field(description="Adresa katalogu")
    publisher: str
    plans: list[PlanOut]


def plan_schema(schema_url: str) -> dict:
    """Return the JSON Schema (Draft 2020-12) of the export; ``schema_url`` is its ``$id``."""
    schema = PlansDocument.model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": schema_url, "title": "Komunitní plány", **schema}
