"""The API's request and response shapes. Pure pydantic: no queries, no rules.

Request bodies are strict about JSON types (a string is not a number) and bounded (no
oversized text, no NUL characters, no ids beyond the database's range), so bad input is a
422 with the field named, never a 500. Parts of the plan the caller may not see are left
out of a response entirely: those fields default to unset and routes drop unset fields.
"""

import datetime as dt
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import AfterValidator, BaseModel, StrictBool, StrictInt, StringConstraints
from pydantic_core import PydanticCustomError

from livingplan.core import dates
from livingplan.plans.models import DUE_DATE, PROGRESS_DATE, START_DATE, ActionStatus, Layer

MAX_ID = 2**53 - 1  # ids beyond this are not real, and lose precision in JavaScript clients
MAX_REVISION = 2**31 - 1  # PositiveIntegerField


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("Remove the null character")
    return value


def _text(max_length: int, *, required: bool) -> object:
    return StringConstraints(strip_whitespace=True, min_length=1 if required else 0, max_length=max_length)


OutcomeText = Annotated[str, _text(1000, required=True), AfterValidator(_no_nul)]
StatementText = Annotated[str, _text(4000, required=True), AfterValidator(_no_nul)]
WhatText = Annotated[str, _text(2000, required=True), AfterValidator(_no_nul)]
OwnerName = Annotated[str, _text(200, required=True), AfterValidator(_no_nul)]
LongOptionalText = Annotated[str, _text(2000, required=False), AfterValidator(_no_nul)]
Note = Annotated[str, _text(300, required=False), AfterValidator(_no_nul)]


def _bounded(kind: dates.DateKind, what: str) -> AfterValidator:
    """The date bounds and words the forms use (core.dates), as a 422 with the field named."""

    def check(value: dt.date | None) -> dt.date | None:
        if message := dates.problem(value, kind, what):
            raise PydanticCustomError("date_out_of_range", message)
        return value

    return AfterValidator(check)


DueDate = Annotated[dt.date | None, _bounded(dates.PLANNED, DUE_DATE)]
ProgressDate = Annotated[dt.date | None, _bounded(dates.HAPPENED, PROGRESS_DATE)]
StartDate = Annotated[dt.date | None, _bounded(dates.PLANNED, START_DATE)]
Revision = Annotated[StrictInt, Field(ge=1, le=MAX_REVISION, description="The plan revision this edit starts from.")]

# The one-page profile's sections (`livingplan.plans.sections.ABOUT_ME_SECTIONS`; a test keeps them equal).
AboutMeSection = Literal[
    "ABOUT_MATTERS_MOST",
    "ABOUT_IMPORTANT_PEOPLE",
    "ABOUT_COMMUNICATION",
    "ABOUT_WELLNESS",
    "ABOUT_PLEASE_DO",
    "ABOUT_PLEASE_DONT",
    "ABOUT_HOW_TO_SUPPORT",
    "ABOUT_ALSO_KNOW",
]


# Errors ------------------------------------------------------------------------------------


class OutModel(BaseModel):
    """Built field by field in presenters, skipping ninja's ORM-reading validator (it costs more than the query)."""


class ErrorOut(OutModel):
    detail: str
    code: str = Field(description="not_found, unauthorized, forbidden, insufficient_scope, csrf_failed, bad_request.")


class FieldError(Schema):
    loc: list[str | int] = Field(description='Where the problem is, for example ["body", "payload", "text"].')
    msg: str
    type: str


class ValidationErrorOut(OutModel):
    detail: list[FieldError]
    code: Literal["invalid"] = "invalid"


class ConflictOut(OutModel):
    detail: str
    code: str = Field(
        description="stale_revision: the plan moved on; not_allowed: not at this stage of the plan;"
        " limit_reached: that part of the plan holds as much as a plan may."
    )
    current_revision: int | None = None
    expected_revision: int | None = None


class RateLimitedOut(OutModel):
    detail: str
    code: Literal["rate_limited"] = "rate_limited"
    limit: int = Field(description="How many requests (or plan changes: 60 a minute) the caller may make a window.")
    window_seconds: int = Field(60, description="How long each window is, in seconds.")
    retry_after: int = Field(description="Seconds until the next request will be accepted (also in Retry-After).")


# People ------------------------------------------------------------------------------------


class PersonSummaryOut(OutModel):
    id: int
    given_name: str
    family_name: str
    preferred_name: str
    full_name: str
    name_to_use: str


class PeopleOut(OutModel):
    count: int
    items: list[PersonSummaryOut]


class PeopleQuery(Schema):
    limit: StrictInt = Field(50, ge=1, le=200)
    offset: StrictInt = Field(0, ge=0, le=10**9)


class CommunicationNeedsOut(OutModel):
    information_format: str
    information_format_label: str
    preferred_channel: str
    preferred_channel_label: str
    language: str
    needs_interpreter: bool
    times_to_avoid: str
    other_needs: str


class PlanSummaryOut(OutModel):
    status: str
    status_label: str
    revision: int


class PersonOut(PersonSummaryOut):
    date_of_birth: dt.date | None = Field(description="None if not recorded, or not shared with you.")
    pronouns: str
    nhs_number: str | None = Field(description="None if not recorded, or not shared with you.")
    personal_details_shared: bool = Field(
        description="Whether the person shares their personal details (date of birth, NHS number) with you."
    )
    communication_needs: CommunicationNeedsOut | None
    plan: PlanSummaryOut | None = Field(description="None until the plan is started.")
    is_you: bool
    can_contribute: bool = Field(description="Whether you may add to this person's plan.")


# The plan ----------------------------------------------------------------------------------


class ContributionOut(OutModel):
    """Who put this into the plan, when, and whether it is in the person's own words."""

    by: str
    kind: str = Field(description="PERSON, CIRCLE or PRACTITIONER.")
    in_own_words: bool
    at: dt.datetime


class StatementOut(OutModel):
    id: int
    section: str
    text: str
    status: str = Field(
        description="ACCEPTED, or PROPOSED: a suggestion for a section in the person's own voice, for them to decide."
    )
    contribution: ContributionOut


class SectionOut(OutModel):
    key: str
    title: str
    group: str
    statements: list[StatementOut]


class ProgressOut(OutModel):
    score: int = Field(description="0 (not started) to 10 (achieved).")
    recorded_on: dt.date
    note: str


class ActionOut(OutModel):
    id: int
    outcome_id: int
    what: str
    owner_name: str
    due_on: dt.date | None
    status: str
    status_label: str
    layer: str
    layer_label: str
    is_overdue: bool
    contribution: ContributionOut


class OutcomeOut(OutModel):
    id: int
    text: str
    why_it_matters: str
    importance: int = Field(description="1 (a little) to 5 (very).")
    status: str = Field(
        "ACCEPTED",
        description="ACCEPTED (in the plan), or PROPOSED: suggested by someone other than the person, "
        "not in the plan until the person accepts it (ADR-025).",
    )
    latest_progress: ProgressOut | None
    actions: list[ActionOut]
    contribution: ContributionOut


class RiskOut(OutModel):
    id: int
    what_could_go_wrong: str
    what_we_agree: str
    decided_by: str
    persons_view: str
    contribution: ContributionOut


class ReviewOut(OutModel):
    next_review_on: dt.date | None
    review_lead: str | None
    early_review_triggers: str


class LinkedPlanOut(OutModel):
    id: int
    kind: str
    kind_label: str
    description: str
    held_by: str


class PlanOut(OutModel):
    """The plan as the caller may see it. A part not shared with them is absent, not empty."""

    person_id: int
    status: str
    status_label: str
    revision: int = Field(description="Send this as expected_revision with your next edit.")
    updated_at: dt.datetime
    shared_groups: list[str] = Field(description="The groups of the plan shared with you.")
    sections: list[SectionOut]
    outcomes: list[OutcomeOut] | None = None
    risks: list[RiskOut] | None = None
    review: ReviewOut | None = None
    linked_plans: list[LinkedPlanOut] | None = None


class OutcomesOut(OutModel):
    revision: int
    outcomes: list[OutcomeOut]


class AboutMeOut(OutModel):
    person_id: int
    revision: int
    sections: list[SectionOut]


# Versions (frozen snapshots keep the field names they were frozen with) -----------------------


class VersionSummaryOut(OutModel):
    number: int
    agreed_at: dt.datetime
    agreed_by: str
    summary_of_changes: str


class SnapshotStatementOut(OutModel):
    id: int
    section: str
    text: str
    by: str = ""
    kind: str = ""
    own_words: bool = False


class SnapshotActionOut(OutModel):
    id: int
    what: str = ""
    who: str = ""
    due: str | None = None
    status: str = ""
    layer: str = ""


class SnapshotOutcomeOut(OutModel):
    id: int
    text: str = ""
    why: str = ""
    importance: int | None = None
    progress: int | None = None
    actions: list[SnapshotActionOut] = []


class SnapshotRiskOut(OutModel):
    id: int
    risk: str = ""
    agreed: str = ""
    decided_by: str = ""
    persons_view: str = ""


class SnapshotReviewOut(OutModel):
    next_review_on: str | None = None
    triggers: str = ""


class SnapshotLinkedPlanOut(OutModel):
    id: int
    kind: str = ""
    description: str = ""


class VersionOut(VersionSummaryOut):
    """One agreed version as it was frozen, limited to the groups shared with the caller now."""

    shared_groups: list[str]
    statements: list[SnapshotStatementOut]
    outcomes: list[SnapshotOutcomeOut] | None = None
    risks: list[SnapshotRiskOut] | None = None
    review: SnapshotReviewOut | None = None
    linked_plans: list[SnapshotLinkedPlanOut] | None = None


# Writes --------------------------------------------------------------------------------------


class OutcomeIn(Schema):
    expected_revision: Revision
    text: OutcomeText
    why_it_matters: LongOptionalText = ""
    importance: StrictInt = Field(3, ge=1, le=5)
    in_own_words: StrictBool = False


class ActionIn(Schema):
    expected_revision: Revision
    what: WhatText
    owner_name: OwnerName = Field(description="Who will do it: a name, or 'me'.")
    layer: Layer
    due_on: DueDate = None


class ActionStatusIn(Schema):
    expected_revision: Revision
    status: ActionStatus


class ProgressIn(Schema):
    expected_revision: Revision
    score: StrictInt = Field(ge=0, le=10)
    note: Note = ""
    recorded_on: ProgressDate = Field(None, description="Defaults to today; cannot be in the future.")


class StatementIn(Schema):
    expected_revision: Revision
    section: AboutMeSection
    text: StatementText
    in_own_words: StrictBool = False


class OutcomeWrittenOut(OutModel):
    revision: int
    outcome: OutcomeOut


class ActionWrittenOut(OutModel):
    revision: int
    action: ActionOut


class ProgressWrittenOut(OutModel):
    revision: int
    outcome_id: int
    progress: ProgressOut


class StatementWrittenOut(OutModel):
    revision: int
    statement: StatementOut
