"""Turn a bound Django field into the parameters of the matching NHS.UK Jinja macro.

Kept in Python so templates stay free of logic: `{{ field(form.email) }}` is all a page writes.
"""

from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS


def component_for(bound: forms.BoundField) -> str:
    widget = bound.field.widget
    # CheckboxSelectMultiple subclasses RadioSelect, so it must be asked about first.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.PasswordInput):
        return "password"
    if isinstance(widget, forms.MultiWidget):
        return "date"
    return "input"


def _date_parts(field: forms.Field, value: Any) -> list[Any]:
    if isinstance(value, str):  # re-shown after an error: "YYYY-MM-DD" as typed
        year, _, rest = value.partition("-")
        month, _, day = rest.partition("-")
        return [day.lstrip("0"), month.lstrip("0"), year]
    return list(field.widget.decompress(value))


def _anchor(bound: forms.BoundField) -> str:
    anchor = bound.id_for_label or bound.auto_id
    return f"{anchor}_day" if component_for(bound) == "date" else str(anchor)


def _error(bound: forms.BoundField) -> dict[str, str] | None:
    return {"text": str(bound.errors[0])} if bound.errors else None


def field_params(bound: forms.BoundField, **overrides: Any) -> dict[str, Any]:
    """Build the macro parameters for one field. `overrides` win (e.g. a bigger label)."""
    field = bound.field
    component = component_for(bound)
    label_text = str(bound.label)
    hint = getattr(field, "hint", "") or (str(field.help_text) if field.help_text else "")
    params: dict[str, Any] = {
        "id": bound.auto_id if component == "date" else (bound.id_for_label or bound.auto_id),
        "name": bound.html_name,
        "errorMessage": _error(bound),
        "hint": {"text": hint} if hint else None,
        "classes": getattr(field, "classes", ""),
        "attributes": {},
    }
    autocomplete = getattr(field, "autocomplete", "")
    if autocomplete:
        params["autocomplete"] = autocomplete
    if getattr(field, "disabled", False):
        params["disabled"] = True
    value = bound.value()
    if component in ("radios", "checkboxes"):
        selected = {str(v) for v in (value if isinstance(value, list | tuple) else [value]) if v is not None}
        params["idPrefix"] = params.pop("id")
        params["fieldset"] = {"legend": {"text": label_text, "size": "m"}}
        params["items"] = [
            {"value": str(key), "text": str(text), "checked": str(key) in selected}
            for key, text in field.choices  # type: ignore[attr-defined]
        ]
    elif component == "checkbox":
        params["idPrefix"] = params.pop("id")
        params["items"] = [{"value": "on", "text": label_text, "checked": bool(value)}]
        component = "checkboxes"
    elif component == "select":
        params["label"] = {"text": label_text}
        params["items"] = [
            {"value": str(key), "text": str(text), "selected": str(key) == str(value)}
            for key, text in field.choices  # type: ignore[attr-defined]
        ]
    elif component == "date":
        parts = _date_parts(field, value)
        params["fieldset"] = {"legend": {"text": label_text, "size": "m"}}
        params["items"] = [
            {
                "id": f"{params['id']}_{name}",
                "name": f"{bound.html_name}_{name}",
                "label": name.title(),
                "value": part,
                "classes": f"nhsuk-input--width-{width}",
            }
            for name, part, width in zip(("day", "month", "year"), parts, (2, 2, 4), strict=True)
        ]
    else:
        params["label"] = {"text": label_text}
        # A password typed in is never sent back to the browser (Django's PasswordInput default).
        hidden = component == "password" and not getattr(field.widget, "render_value", False)
        params["value"] = "" if value is None or hidden else str(value)
        if component == "input":
            input_type = getattr(field.widget, "input_type", "text")
            params["type"] = input_type
            if input_type == "email":
                params["spellcheck"] = False
    params.update(overrides)
    params["component"] = component
    return params


def error_summary_params(form: forms.BaseForm) -> dict[str, Any] | None:
    """The error summary at the top of a form: one link per message, to the field it is about."""
    if not form.is_bound or not form.errors:
        return None
    items = [{"text": str(error)} for error in form.non_field_errors()]
    for name in form.errors:
        if name == NON_FIELD_ERRORS:
            continue
        bound = form[name]
        items.extend({"text": str(error), "href": f"#{_anchor(bound)}"} for error in bound.errors)
    return {"heading": "There is a problem", "errorList": items}
