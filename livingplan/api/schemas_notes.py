"""Request and response shapes for notes between reviews (ADR-024); kept apart from `schemas.py`
only to keep modules short. Pure pydantic, as there."""

import datetime as dt
from typing import Annotated

from ninja import Field, Schema
from pydantic import AfterValidator, BaseModel, StrictBool, StringConstraints

from livingplan.api.schemas import _no_nul
from livingplan.plans.models import NOTE_MAX_LENGTH

NoteText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=NOTE_MAX_LENGTH), AfterValidator(_no_nul)
]


class NoteIn(Schema):
    """No expected_revision: a note is not plan content and never goes stale."""

    text: NoteText
    asks_for_review: StrictBool = Field(False, description="The writer thinks the plan needs looking at.")


class NoteOut(BaseModel):
    id: int
    text: str
    by: str = Field(description='Real name and relationship, for example "Sam Carter (circle of support)".')
    kind: str = Field(description="PERSON, CIRCLE or PRACTITIONER.")
    written_at: dt.datetime
    asks_for_review: bool
    review_request_open: bool = Field(description="Asks for a review, and no review has started since.")
