"""Personal budgets (budgets/telling.py queues these): the person told at each step of sign-off,
in plain English, through their own channel; the next manager told when sign-off runs late.

No amount, line or reason goes in a message: the person signs in to see them. A text carries
only the first name and what happened.
"""

from livingplan.notifications.models import Channel
from livingplan.notifications.texts.base import Template, Wording

_SIGN_IN = "You can see your budget and where sign-off is up to when you sign in:\n\n{link}"
_ASK = "If you have any questions, please contact your care coordinator."


def _to_person(key: str, *, subject: str, body: str, text: str) -> Template:
    return Template(
        key=key,
        wording={
            Channel.EMAIL: Wording(subject=subject, body="Hello {first_name},\n\n" + body + "\n\n" + _SIGN_IN),
            Channel.SMS: Wording(subject="", body="Hello {first_name}. " + text),
            Channel.LETTER: Wording(subject=subject, body="Dear {first_name},\n\n" + body + "\n\n" + _ASK),
        },
    )


BUDGET_SUBMITTED = _to_person(
    "budget_submitted",
    subject="Your personal budget has been sent for sign-off",
    body=(
        "{by_name} has sent your personal budget to a manager to sign off. "
        "We aim to decide by {due_on}. We will tell you when it has been decided."
    ),
    text="Your personal budget has been sent for sign-off. We aim to decide by {due_on}.",
)

BUDGET_RETURNED = _to_person(
    "budget_returned",
    subject="Your personal budget needs a change before it is signed off",
    body=(
        "The manager signing off your personal budget has asked {by_name} to change something first. "
        "{by_name} will talk to you if the change affects your support."
    ),
    text="Your personal budget needs a small change before it is signed off. Your coordinator will be in touch.",
)

BUDGET_RESUBMITTED = _to_person(
    "budget_resubmitted",
    subject="Your personal budget has been sent for sign-off again",
    body="{by_name} has made the change and sent your personal budget back to be signed off.",
    text="Your personal budget has been sent for sign-off again.",
)

BUDGET_SECOND_TIER = _to_person(
    "budget_second_tier",
    subject="Your personal budget is with a senior manager",
    body=(
        "A manager has agreed your personal budget. Because of its size, a senior manager also "
        "needs to sign it off. We still aim to decide by {due_on}."
    ),
    text="Your personal budget has been agreed by a manager and is now with a senior manager.",
)

BUDGET_APPROVED = _to_person(
    "budget_approved",
    subject="Your personal budget has been signed off",
    body="Your personal budget has been signed off. {by_name} will talk to you about the support starting.",
    text="Your personal budget has been signed off.",
)

BUDGET_DECLINED = _to_person(
    "budget_declined",
    subject="Your personal budget has not been signed off",
    body=(
        "Your personal budget has not been signed off as it is. {by_name} will talk to you about why "
        "and what happens next. You can ask for the decision to be looked at again."
    ),
    text="Your personal budget has not been signed off as it is. Your coordinator will be in touch.",
)

BUDGET_LINE_PAUSED = _to_person(
    "budget_line_paused",
    subject="Some of the support in your personal budget is paused",
    body=(
        "{by_name} has paused some of the support in your personal budget. "
        "You can see which support, from when and why on your budget. {by_name} will talk to you about it."
    ),
    text="Some of the support in your personal budget is paused. Your coordinator will be in touch.",
)

BUDGET_WITH_PANEL = _to_person(
    "budget_with_panel",
    subject="Your personal budget is with the funding panel",
    body=(
        "A manager has agreed your personal budget. The funding panel also needs to sign it off, "
        "and decides together. We still aim to decide by {due_on}."
    ),
    text="Your personal budget has been agreed by a manager and is now with the funding panel.",
)

BUDGET_SIGN_OFF_LATE = Template(
    key="budget_sign_off_late",
    wording={
        Channel.EMAIL: Wording(
            subject="A personal budget is {what_changed}",
            body=(
                "Hello {first_name},\n\n"
                "Sign-off of {person_name}'s personal budget is {what_changed}: it should be decided by {due_on}.\n\n"
                "See it in the approvers' queue:\n\n{link}"
            ),
        ),
    },
)
