"""Request and response shapes for moving the plan through its lifecycle (kept apart from
`schemas.py` only to keep modules short). Pure pydantic, as there."""

from typing import Literal

from ninja import Field, Schema
from pydantic import BaseModel

from livingplan.api.schemas import LongOptionalText, Note, Revision, StartDate

Step = Literal["propose", "withdraw", "agree", "activate", "start_review"]


class StepIn(Schema):
    expected_revision: Revision
    reason: Note = Field("", description="start_review only: why the plan is being looked at again.")
    summary: Note = Field("", description="agree only: what changed in this version, in a few words.")
    starts_on: StartDate = Field(
        None, description="agree only: a later day for the plan to come into force; empty means at once."
    )
    best_interests_note: LongOptionalText = Field(
        "", description="agree on the person's behalf only: how their wishes and feelings were taken into account."
    )


class PlanStatusOut(BaseModel):
    status: str
    status_label: str
    revision: int = Field(description="Send this as expected_revision with your next edit.")
    steps: list[Step] = Field(description="The steps you may take next, from the plan as it is now.")
