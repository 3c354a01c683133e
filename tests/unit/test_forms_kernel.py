"""The forms kernel: Django fields become NHS.UK macro parameters, with NHS-style messages."""

import datetime as dt
import re

import pytest
from django import forms
from django.template import engines

from livingplan.core import dates
from livingplan.core import forms as ds

CONTACT = [("phone", "Phone"), ("email", "Email"), ("letter", "Letter")]


class AboutYouForm(forms.Form):
    name = ds.CharField(label="Your name", hint="As you would like us to write it", autocomplete="name")
    email = ds.EmailField(label="Email address", required=False)
    password = ds.CharField(label="Password", widget=forms.PasswordInput)
    contact = ds.ChoiceField(label="How should we contact you", choices=CONTACT)
    days = ds.MultipleChoiceField(label="Days you are free", choices=[("mon", "Monday"), ("tue", "Tuesday")])
    agree = ds.BooleanField(label="I agree to share my plan")
    date_of_birth = ds.DateField(
        label="Date of birth", hint="For example, 15 3 1984", kind=dates.BIRTH, what="Date of birth"
    )
    notes = ds.CharField(label="Anything else", required=False, widget=forms.Textarea)
    team = ds.ChoiceField(label="Team", required=False, choices=[("a", "North"), ("b", "South")], widget=forms.Select)


VALID = {
    "name": "Alex Carter",
    "email": "alex@example.org",
    "password": "s3cret-enough",
    "contact": "email",
    "days": ["tue"],
    "agree": "on",
    "date_of_birth_day": "14",
    "date_of_birth_month": "6",
    "date_of_birth_year": "1951",
}


def params(form: forms.Form, name: str, **overrides: object) -> dict:
    return ds.field_params(form[name], **overrides)


def summary_items(form: forms.Form) -> list[dict]:
    summary = ds.error_summary_params(form)
    assert summary is not None, "expected an error summary"
    return summary["errorList"]


class TestTextInput:
    def test_an_empty_text_field_has_its_label_hint_and_no_error(self) -> None:
        p = params(AboutYouForm(), "name")

        assert p["component"] == "input"
        assert (p["id"], p["name"], p["type"]) == ("id_name", "name", "text")
        assert p["label"] == {"text": "Your name"}
        assert p["hint"] == {"text": "As you would like us to write it"}
        assert p["autocomplete"] == "name"
        assert p["value"] == ""
        assert p["errorMessage"] is None

    def test_a_missing_answer_is_asked_for_by_name(self) -> None:
        p = params(AboutYouForm(data={}), "name")

        assert p["errorMessage"] == {"text": "Enter your name"}

    def test_what_was_typed_is_shown_again(self) -> None:
        assert params(AboutYouForm(data={"name": "Alex"}), "name")["value"] == "Alex"

    def test_an_email_field_is_typed_email_without_spellcheck_and_explains_the_format(self) -> None:
        p = params(AboutYouForm(data={"email": "not an email"}), "email")

        assert (p["type"], p["spellcheck"], p["autocomplete"]) == ("email", False, "email")
        assert p["errorMessage"] == {"text": "Enter an email address in the correct format, like name@example.com"}

    @pytest.mark.parametrize(
        ("label", "message"),
        [("Your name", "Enter your name"), ("NHS number", "Enter NHS number"), ("GP practice", "Enter GP practice")],
    )
    def test_the_missing_answer_message_reads_as_a_sentence(self, label: str, message: str) -> None:
        assert ds.CharField(label=label).error_messages["required"] == message

    def test_a_field_can_say_exactly_what_it_needs(self) -> None:
        field = ds.CharField(label="Username", required_message="Enter your username or email address")

        assert field.error_messages["required"] == "Enter your username or email address"

    def test_overrides_win(self) -> None:
        p = params(AboutYouForm(), "name", label={"text": "Name", "size": "l"}, classes="nhsuk-input--width-20")

        assert p["label"] == {"text": "Name", "size": "l"}
        assert p["classes"] == "nhsuk-input--width-20"

    def test_a_textarea_and_a_select_use_their_own_components(self) -> None:
        form = AboutYouForm(data={"notes": "Likes mornings", "team": "b"})

        assert params(form, "notes")["component"] == "textarea"
        assert params(form, "notes")["value"] == "Likes mornings"
        team = params(form, "team")
        assert team["component"] == "select"
        assert team["items"] == [
            {"value": "a", "text": "North", "selected": False},
            {"value": "b", "text": "South", "selected": True},
        ]


class TestPassword:
    def test_a_password_field_uses_the_password_component(self) -> None:
        p = params(AboutYouForm(), "password")

        assert p["component"] == "password"
        assert p["label"] == {"text": "Password"}

    def test_a_password_is_never_shown_again_after_an_error(self) -> None:
        form = AboutYouForm(data={"password": "typed-secret"})
        assert not form.is_valid()

        assert params(form, "password")["value"] == ""

    def test_a_missing_password_is_asked_for(self) -> None:
        assert params(AboutYouForm(data={}), "password")["errorMessage"] == {"text": "Enter password"}


class TestChoices:
    def test_radios_have_a_legend_and_one_item_per_choice_with_the_answer_checked(self) -> None:
        p = params(AboutYouForm(data={"contact": "email"}), "contact")

        assert p["component"] == "radios"
        assert p["idPrefix"] == "id_contact"
        assert "id" not in p
        assert p["fieldset"] == {"legend": {"text": "How should we contact you", "size": "m"}}
        assert p["items"] == [
            {"value": "phone", "text": "Phone", "checked": False},
            {"value": "email", "text": "Email", "checked": True},
            {"value": "letter", "text": "Letter", "checked": False},
        ]

    def test_an_unanswered_radio_question_says_select(self) -> None:
        p = params(AboutYouForm(data={}), "contact")

        assert p["errorMessage"] == {"text": "Select how should we contact you"}
        assert not any(item["checked"] for item in p["items"])

    def test_checkboxes_check_every_answer_given(self) -> None:
        p = params(AboutYouForm(data={"days": ["mon", "tue"]}), "days")

        assert p["component"] == "checkboxes"
        assert [item["checked"] for item in p["items"]] == [True, True]

    def test_a_question_with_several_answers_renders_as_checkboxes_and_one_answer_as_radios(self) -> None:
        form = AboutYouForm(data={"days": ["mon", "tue"], "contact": "phone"})
        render = engines["jinja2"].from_string(
            '{% from "macros/forms.jinja" import field with context %}{{ field(form.days) }}|{{ field(form.contact) }}'
        )

        days, contact = render.render({"form": form}).split("|")

        assert days.count('type="checkbox"') == 2
        assert days.count("checked") == 2
        assert 'type="radio"' not in days
        assert contact.count('type="radio"') == 3

    def test_a_single_checkbox_is_one_item_labelled_by_the_field(self) -> None:
        p = params(AboutYouForm(data={"agree": "on"}), "agree")

        assert p["component"] == "checkboxes"
        assert p["idPrefix"] == "id_agree"
        assert p["items"] == [{"value": "on", "text": "I agree to share my plan", "checked": True}]

    def test_an_unticked_required_checkbox_asks_to_confirm(self) -> None:
        p = params(AboutYouForm(data={}), "agree")

        assert p["items"][0]["checked"] is False
        assert p["errorMessage"] == {"text": "Confirm I agree to share my plan"}


class TestDate:
    def test_a_date_is_three_boxes_day_month_year_in_a_fieldset(self) -> None:
        p = params(AboutYouForm(initial={"date_of_birth": dt.date(1951, 6, 14)}), "date_of_birth")

        assert p["component"] == "date"
        assert p["id"] == "id_date_of_birth"
        assert p["fieldset"] == {"legend": {"text": "Date of birth", "size": "m"}}
        assert [(i["id"], i["name"], i["label"], i["value"]) for i in p["items"]] == [
            ("id_date_of_birth_day", "date_of_birth_day", "Day", 14),
            ("id_date_of_birth_month", "date_of_birth_month", "Month", 6),
            ("id_date_of_birth_year", "date_of_birth_year", "Year", 1951),
        ]
        assert [i["classes"] for i in p["items"]] == [
            "nhsuk-input--width-2",
            "nhsuk-input--width-2",
            "nhsuk-input--width-4",
        ]

    def test_a_real_date_typed_in_boxes_is_read_as_a_date(self) -> None:
        form = AboutYouForm(data=VALID)

        assert form.is_valid(), form.errors
        assert form.cleaned_data["date_of_birth"] == dt.date(1951, 6, 14)

    def test_an_impossible_date_is_shown_back_as_typed_with_an_example(self) -> None:
        form = AboutYouForm(data={"date_of_birth_day": "31", "date_of_birth_month": "02", "date_of_birth_year": "2024"})

        p = params(form, "date_of_birth")

        assert [i["value"] for i in p["items"]] == ["31", "2", "2024"]
        assert p["errorMessage"] == {"text": "Enter a real date, for example 27 3 2007"}

    def test_an_empty_date_asks_for_it(self) -> None:
        p = params(AboutYouForm(data={}), "date_of_birth")

        assert p["errorMessage"] == {"text": "Enter date of birth"}


class TestErrorSummary:
    def test_there_is_no_summary_before_the_form_is_sent_or_when_all_is_well(self) -> None:
        assert ds.error_summary_params(AboutYouForm()) is None
        assert ds.error_summary_params(AboutYouForm(data=VALID)) is None

    def test_the_summary_lists_each_error_in_form_order_linking_to_its_field(self) -> None:
        summary = ds.error_summary_params(AboutYouForm(data={"email": "nope"}))

        assert summary == {
            "heading": "There is a problem",
            "errorList": [
                {"text": "Enter your name", "href": "#id_name"},
                {"text": "Enter an email address in the correct format, like name@example.com", "href": "#id_email"},
                {"text": "Enter password", "href": "#id_password"},
                {"text": "Select how should we contact you", "href": "#id_contact"},
                {"text": "Select days you are free", "href": "#id_days"},
                {"text": "Confirm I agree to share my plan", "href": "#id_agree"},
                {"text": "Enter date of birth", "href": "#id_date_of_birth_day"},
            ],
        }

    def test_errors_about_the_whole_form_come_first_without_a_link(self) -> None:
        form = AboutYouForm(data={**VALID, "name": ""})
        form.is_valid()
        form.add_error(None, "We could not save your answers. Try again")

        items = summary_items(form)

        assert items[0] == {"text": "We could not save your answers. Try again"}
        assert items[1] == {"text": "Enter your name", "href": "#id_name"}

    def test_every_link_in_the_rendered_summary_lands_on_an_element_of_the_rendered_form(self) -> None:
        form = AboutYouForm(data={"email": "nope"})
        template = engines["jinja2"].from_string(
            '{% from "macros/forms.jinja" import field, error_summary with context %}'
            "{{ error_summary(form) }}{% for bound in form %}{{ field(bound) }}{% endfor %}"
        )

        page = template.render({"form": form})

        anchors = re.findall(r'<a href="#([^"]+)"', page)
        assert len(anchors) == len(summary_items(form)) == 7
        missing = [anchor for anchor in anchors if f'id="{anchor}"' not in page]
        assert missing == [], "the error summary links to elements the page does not have"


def test_a_date_error_gives_the_same_example_as_the_hint() -> None:
    # Seen in a browser: the hint said "27 3 2027" and the error "27 3 2007".
    from livingplan.plans.forms import ActionForm

    form = ActionForm(data={"revision": "1", "what": "Ring the club", "due_on_day": "31", "due_on_month": "2"})

    assert not form.is_valid()
    assert params(form, "due_on")["hint"] == {"text": "For example, 27 3 2027"}
    assert form.errors["due_on"] == ["Enter a real date, for example 27 3 2027"]
