"""Request and response shapes for a person's contact details, checked as the forms check them
(`people.contact_details`, ADR-032): a 422 names the field with the same NHS-style words. Kept
apart from `schemas.py` only to keep modules short."""

from collections.abc import Callable
from typing import Annotated

from django.core.exceptions import ValidationError as DjangoValidationError
from ninja import Field, Schema
from pydantic import AfterValidator, BaseModel, StringConstraints
from pydantic_core import PydanticCustomError

from livingplan.api.schemas import _no_nul
from livingplan.people import contact_details


def _checked(normalise: Callable[[str], str], validate: Callable[[str], None]) -> AfterValidator:
    def check(value: str) -> str:
        value = normalise(value)
        try:
            validate(value)
        except DjangoValidationError as error:
            raise PydanticCustomError(error.code or "invalid", error.messages[0]) from error
        return value

    return AfterValidator(check)


Phone = Annotated[
    str,
    StringConstraints(max_length=40),
    AfterValidator(_no_nul),
    _checked(contact_details.normalise_phone, contact_details.validate_phone),
]
Email = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=254),
    AfterValidator(_no_nul),
    _checked(str.strip, contact_details.validate_email),
]


class ContactDetailsIn(Schema):
    """Send either or both; "" clears one. A person who chose text messages needs a UK mobile."""

    phone: Phone | None = Field(None, description="A UK or international number; a UK mobile for text messages.")
    email: Email | None = None


class ContactDetailsOut(BaseModel):
    id: int
    phone: str
    email: str
