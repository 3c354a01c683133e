"""Forms for drafting and deciding a budget, with NHS-style messages. Money is typed in pounds
and handed on as integer pence; the services check it again (every way in gets the same rules)."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from livingplan.budgets import money
from livingplan.budgets.models import Deployment, FundingKind, SecondTier, StartKind, Unit
from livingplan.budgets.services import APPROVE, DECLINE, RETURN
from livingplan.core import dates
from livingplan.core import forms as ds

_TEXT = forms.Textarea(attrs={"rows": 3})


class MoneyField(ds.CharField):
    """Pounds and pence as typed ("£1,250.50"), cleaned to integer pence."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("classes", "nhsuk-input--width-10")
        super().__init__(*args, **kwargs)

    def clean(self, value: Any) -> int | None:
        typed = super().clean(value)
        if not typed:
            return None
        try:
            pence = money.parse_pounds(typed)
        except money.NotMoney as error:
            raise ValidationError(str(error)) from error
        if pence > money.MAX_YEARLY_PENCE:
            raise ValidationError(f"Enter an amount of {money.pounds(money.MAX_YEARLY_PENCE)} or less")
        return pence


class StartForm(forms.Form):
    indicative = MoneyField(label="Indicative budget a year", hint="In pounds, for example 18000")
    basis = ds.CharField(
        label="How was it worked out?",
        hint="For example, the council's resource allocation system, or the cost of similar support",
        widget=_TEXT,
        max_length=2000,
    )


class LineForm(forms.Form):
    what = ds.CharField(label="What is the support?", max_length=200)
    provider = ds.CharField(label="Who provides it?", max_length=200)
    unit = ds.ChoiceField(label="Paid by", choices=Unit.choices, required_message="Select how it is paid for")
    unit_cost = MoneyField(label="Cost of one unit", hint="In pounds, for example 24.50")
    quantity = ds.WholeNumberField(
        label="How many", help_text="Hours a week, weeks (1), or how many of a one-off", max_value=168, min_value=1
    )
    outcomes = ds.MultipleChoiceField(
        label="Which outcomes is it for?", choices=(), required_message="Select the outcomes this support is for"
    )

    def __init__(self, *args: Any, outcomes: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcomes"].choices = outcomes  # type: ignore[attr-defined]


class FundingForm(forms.Form):
    kind = ds.ChoiceField(label="Who funds it?", choices=FundingKind.choices, required_message="Select who funds it")
    yearly = MoneyField(label="Their share a year", hint="In pounds")


class RouteForm(forms.Form):
    route = ds.ChoiceField(
        label="How is it spent?", choices=Deployment.choices, required_message="Select how it is spent"
    )
    yearly = MoneyField(label="Amount a year", hint="In pounds")
    managed_by = ds.CharField(
        label="Who manages it?",
        hint="For a direct payment: the person, a nominated person or an agency",
        max_length=200,
        required=False,
    )
    needs_met = ds.CharField(label="Which needs does it meet?", widget=_TEXT, max_length=2000, required=False)
    payment_frequency = ds.CharField(
        label="How often is it paid?", hint="For example, every 4 weeks", max_length=40, required=False
    )


class DetailsForm(forms.Form):
    contribution = MoneyField(
        label="The person's assessed contribution a year",
        hint="Enter 0 if there is none. Never for NHS funding or section 117 aftercare",
    )
    previous_yearly = MoneyField(
        label="Yearly cost of the package this replaces", hint="Leave empty for a new package", required=False
    )
    advice_given = ds.CharField(label="Advice and information given", widget=_TEXT, max_length=4000)
    person_involvement = ds.CharField(label="How the person was involved", widget=_TEXT, max_length=4000)


class SubmitForm(forms.Form):
    note = ds.CharField(
        label="What did you change?", hint="Only when answering a return", widget=_TEXT, max_length=2000, required=False
    )


DECISIONS = [(APPROVE, "Approve"), (RETURN, "Return for changes"), (DECLINE, "Decline")]


class DecideForm(forms.Form):
    decision = ds.ChoiceField(
        label="Your decision",
        choices=DECISIONS,
        widget=forms.RadioSelect,
        required_message="Choose approve, return or decline",
    )
    line = ds.ChoiceField(label="Which line needs changing?", choices=(), required=False)
    reason = ds.CharField(
        label="Reason", hint="Needed to return or decline", widget=_TEXT, max_length=2000, required=False
    )
    revision = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, lines: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["line"].choices = [("", "The whole budget"), *lines]  # type: ignore[attr-defined]


class FirstPaymentForm(forms.Form):
    kind = ds.ChoiceField(
        label="What happened first?",
        choices=StartKind.choices,
        widget=forms.RadioSelect,
        required_message="Select what happened first",
    )
    happened_on = ds.DateField(label="Date", kind=dates.HAPPENED, what="The date")


YES_NO = [("yes", "Yes"), ("no", "No")]


class SettingsForm(forms.Form):
    """The organisation's sign-off settings; an empty limit is no limit. The service checks again."""

    target_days = ds.WholeNumberField(
        label="Sign-off target in working days",
        help_text="From sending a budget for sign-off to the decision. 10 working days is two weeks",
        error_messages={"required": "Enter the sign-off target in working days"},
    )
    team_manager_limit = MoneyField(
        label="Team manager's approval limit a year", hint="In pounds. Leave empty for no limit", required=False
    )
    senior_manager_limit = MoneyField(
        label="Senior manager's approval limit a year", hint="In pounds. Leave empty for no limit", required=False
    )
    panel_limit = MoneyField(
        label="Funding panel's approval limit a year", hint="In pounds. Leave empty for no limit", required=False
    )
    second_tier_for_new_or_increased = ds.ChoiceField(
        label="Does every new or increased package go on to a second tier?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        required_message="Select yes if every new or increased package goes on to a second tier",
    )
    second_tier = ds.ChoiceField(
        label="Who decides at the second tier?",
        choices=SecondTier.choices,
        widget=forms.RadioSelect,
        required_message="Select who decides at the second tier",
    )


class AssignForm(forms.Form):
    approver = ds.ChoiceField(
        label="Who should decide?",
        choices=(),
        widget=forms.RadioSelect,
        required_message="Select who should decide",
    )

    def __init__(self, *args: Any, approvers: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["approver"].choices = approvers  # type: ignore[attr-defined]


class PauseForm(forms.Form):
    from_on = ds.DateField(label="Paused from", kind=dates.PLANNED, what="The date")
    reason = ds.CharField(
        label="Why is it paused?", hint="For example, a stay in hospital", widget=_TEXT, max_length=500
    )


class PanelForm(DecideForm):
    """The funding panel's decision, recorded by one of its members, with who was present."""

    members = ds.MultipleChoiceField(
        label="Who was present?",
        help_text="You are counted as present. At least 3 approvers must be present",
        choices=(),
        required_message="Select who was present",
    )
    met_on = ds.DateField(label="When did the panel meet?", kind=dates.HAPPENED, what="The date the panel met")
    field_order = ["members", "met_on", "decision", "line", "reason"]

    def __init__(self, *args: Any, members: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["members"].choices = members  # type: ignore[attr-defined]
        self.fields["decision"].label = "The panel's decision"
