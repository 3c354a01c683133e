"""Route functions, one module per resource. Each loads, calls one service or presenter, and returns."""

from typing import Annotated

from ninja.params.functions import Path

from livingplan.api.schemas import MAX_ID, ConflictOut, ErrorOut, RateLimitedOut, ValidationErrorOut

PersonId = Annotated[int, Path(ge=1, le=MAX_ID, description="The person's id.")]
ItemId = Annotated[int, Path(ge=1, le=MAX_ID)]
VersionNumber = Annotated[int, Path(ge=1, le=2**31 - 1)]

READ_ERRORS: dict[int, type] = {401: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut, 429: RateLimitedOut}
WRITE_ERRORS: dict[int, type] = {**READ_ERRORS, 400: ErrorOut, 403: ErrorOut, 409: ConflictOut}
