"""Design-system form fields: one call in a template renders label, hint and error."""

from livingplan.core.forms.fields import (
    BooleanField,
    CharField,
    ChoiceField,
    DateField,
    EmailField,
    MultipleChoiceField,
    NHSFieldMixin,
    WholeNumberField,
)
from livingplan.core.forms.render import error_summary_params, field_params

__all__ = [
    "BooleanField",
    "CharField",
    "ChoiceField",
    "DateField",
    "EmailField",
    "MultipleChoiceField",
    "NHSFieldMixin",
    "WholeNumberField",
    "error_summary_params",
    "field_params",
]
