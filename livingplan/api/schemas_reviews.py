"""Shapes for reviews: requests for a review and their answers, changes that may affect the plan
(triggers) and their decisions, and reviews with whether they are finished (ADR-040, ADR-052)."""

import datetime as dt
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import AfterValidator

from livingplan.api.schemas import OutModel, _bounded, _no_nul, _text
from livingplan.core import dates

Reason = Annotated[str, _text(2000, required=True), AfterValidator(_no_nul)]
NoticedBy = Annotated[str, _text(200, required=False), AfterValidator(_no_nul)]
NoticedOn = Annotated[dt.date, _bounded(dates.HAPPENED, "The date it was noticed")]
Category = Literal[
    "HEALTH",
    "BEHAVIOUR",
    "FAMILY_CONTACT",
    "COMMUNICATION",
    "MEDICATION",
    "MOBILITY",
    "CONFIDENCE",
    "RELATIONSHIPS",
    "SAFEGUARDING",
    "PERSONAL_GOAL",
    "INCIDENT",
    "COMPLAINT",
    "FAMILY_FEEDBACK",
    "OTHER",
]


class AnswerOut(OutModel):
    accepted: bool
    review_on: dt.date | None
    reason: str
    answered_by: str
    answered_at: dt.datetime


class ReviewRequestOut(OutModel):
    id: int
    asked_by: str
    asked_as: str
    reason: str
    asked_at: dt.datetime
    answer: AnswerOut | None


class DecisionOut(OutModel):
    decision: Literal["UPDATE_PLAN", "NO_CHANGE"]
    reason: str
    decided_by: str
    decided_at: dt.datetime


class TriggerOut(OutModel):
    id: int
    category: str
    what_happened: str
    noticed_by: str
    noticed_on: dt.date
    source: str
    raised_by: str
    raised_at: dt.datetime
    decision: DecisionOut | None


class ReviewHeldOut(OutModel):
    id: int
    kind: str
    about: str
    started_by: str
    started_at: dt.datetime
    completed: bool
    result: str | None
    next_review_on: dt.date | None


class ReviewsOut(OutModel):
    requests: list[ReviewRequestOut]
    triggers: list[TriggerOut]
    reviews: list[ReviewHeldOut]


class ReviewRequestIn(Schema):
    reason: Reason = Field(description="Why a review is wanted now.")


class TriggerIn(Schema):
    category: Category
    what_happened: Reason
    noticed_on: NoticedOn
    noticed_by: NoticedBy = ""


class DecisionIn(Schema):
    decision: Literal["UPDATE_PLAN", "NO_CHANGE"]
    reason: Reason
