"""Django form fields that carry what the NHS.UK components need: a hint, visual options,
and error messages written the NHS way ("Enter your email address", not "This field is
required").
"""

import datetime as dt
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from livingplan.core import dates, numbers


class NHSFieldMixin:
    """Adds `hint`, `classes` and `visually_hidden_label` to a field, and NHS-style messages.

    `required_message` is the whole sentence shown when the field is left empty; without
    one, it is built from the label ("Enter your username").
    """

    required_verb = "Enter"

    def __init__(
        self,
        *args: Any,
        hint: str = "",
        classes: str = "",
        required_message: str = "",
        autocomplete: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.hint = hint
        self.classes = classes
        self.autocomplete = autocomplete
        label = str(kwargs.get("label") or "").strip()
        message = required_message or (f"{self.required_verb} {_mid_sentence(label)}" if label else "")
        if message:
            self.error_messages["required"] = message  # type: ignore[attr-defined]


def _mid_sentence(label: str) -> str:
    """The label as it reads after a verb: "Your name" -> "your name", but "NHS number" and "I" stay."""
    first = label.split(" ", 1)[0]
    if first == "I" or first[:2].isupper():
        return label
    return f"{label[:1].lower()}{label[1:]}"


class CharField(NHSFieldMixin, forms.CharField):
    pass


class EmailField(NHSFieldMixin, forms.EmailField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("autocomplete", "email")
        super().__init__(*args, **kwargs)
        self.error_messages["invalid"] = "Enter an email address in the correct format, like name@example.com"


class ChoiceField(NHSFieldMixin, forms.ChoiceField):
    required_verb = "Select"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.RadioSelect)
        super().__init__(*args, **kwargs)


class MultipleChoiceField(NHSFieldMixin, forms.MultipleChoiceField):
    required_verb = "Select"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(*args, **kwargs)


class BooleanField(NHSFieldMixin, forms.BooleanField):
    required_verb = "Confirm"


class DateField(NHSFieldMixin, forms.DateField):
    """A date typed as day, month and year in three boxes, as the NHS.UK pattern asks.

    `kind` (from `core.dates`) bounds how far back and ahead it may be, with the same message
    the API gives; `what` names the date in that message ("Date of birth must be today or in
    the past"). The boxes take the digits 0 to 9 and a four-digit year, nothing else.
    """

    def __init__(self, *args: Any, kind: dates.DateKind, what: str, example: str = "27 3 2007", **kwargs: Any) -> None:
        # One example, so the hint and the error never give two different dates.
        kwargs.setdefault("widget", DateInput)
        kwargs.setdefault("hint", f"For example, {example}")
        super().__init__(*args, **kwargs)
        self.kind, self.what = kind, what
        self.error_messages["invalid"] = f"Enter a real date, for example {example}"

    def to_python(self, value: Any) -> dt.date | None:
        if isinstance(value, str) and value and not _TYPED_DATE.fullmatch(value):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        result: dt.date | None = super().to_python(value)
        return result

    def validate(self, value: Any) -> None:
        super().validate(value)
        dates.validate(value, self.kind, self.what)


# What DateInput hands over: ASCII digits only, a four-digit year ('٢٠٢٦' or '26' is not a real date here).
_TYPED_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class WholeNumberField(forms.IntegerField):
    """A whole number typed or carried in a form: the digits 0 to 9 only, within `max_value`.

    Django's IntegerField takes an Arabic-Indic or fullwidth one (U+0661, U+FF11) as 1,
    and any number of digits; this one refuses them.
    """

    def __init__(self, *args: Any, max_value: int = numbers.MAX_INT, **kwargs: Any) -> None:
        super().__init__(*args, max_value=max_value, min_value=kwargs.pop("min_value", 0), **kwargs)
        self.error_messages["invalid"] = "Enter a whole number, using the digits 0 to 9"

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        number = numbers.whole_number(str(value).strip(), maximum=self.max_value or numbers.MAX_BIGINT)
        if number is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number


class DateInput(forms.MultiWidget):
    template_name = "django/forms/widgets/multiwidget.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(
            widgets={"day": forms.TextInput(), "month": forms.TextInput(), "year": forms.TextInput()}, attrs=attrs
        )

    def decompress(self, value: Any) -> list[Any]:
        if value:
            return [value.day, value.month, value.year]
        return [None, None, None]

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        day, month, year = (data.get(f"{name}_{part}", "").strip() for part in ("day", "month", "year"))
        if not (day or month or year):
            return None
        return f"{year}-{month.zfill(2)}-{day.zfill(2)}"
