"""Appointments (appointments/invitations.py queues these): booked, changed and cancelled.

Every participant gets their own, through their own channel. An email carries the calendar
invitation (.ics) where the channel can attach one, and always a link to the appointment page,
where it can be downloaded; a text says only the recipient's first name and when; a letter has
the words in full, as the email does.
"""

from livingplan.notifications.models import Channel
from livingplan.notifications.texts.base import Attachment, Template, Wording

CALENDAR_FILE = "calendar_file"

_DETAILS = (
    "When: {appointment_when}\n"
    "Where: {appointment_where}\n"
    "Who is coming: {appointment_who}\n"
    "Access needs: {access_needs}\n\n"
)
_EMAIL_END = (
    "You can add it to your calendar, see any changes and ask for a different time here "
    "(you will need to sign in):\n\n{link}\n\n"
    "If this email came with a calendar invitation, you can add it from there too."
)
_LETTER_END = "If the time does not suit you, or you need something different, call your care coordinator."


def _template(key: str, *, subject: str, opening: str, text: str, method: str) -> Template:
    return Template(
        key=key,
        attachment=Attachment(
            field=CALENDAR_FILE, filename="invitation.ics", mime_type=f"text/calendar; method={method}"
        ),
        wording={
            Channel.EMAIL: Wording(subject=subject, body="Hello {first_name},\n\n" + opening + _DETAILS + _EMAIL_END),
            # A text carries the first name and when, nothing else about anyone.
            Channel.SMS: Wording(subject="", body="Hello {first_name}. " + text),
            Channel.LETTER: Wording(subject=subject, body="Dear {first_name},\n\n" + opening + _DETAILS + _LETTER_END),
        },
    )


APPOINTMENT_BOOKED = _template(
    "appointment_booked",
    subject="Invitation: {plan_of} {appointment_what}",
    opening="You are invited to {plan_of} {appointment_what}.\n\n",
    text="You have an appointment on {appointment_when}. Sign in to Living Plan for the details.",
    method="REQUEST",
)

APPOINTMENT_CHANGED = _template(
    "appointment_changed",
    subject="Changed: {plan_of} {appointment_what}",
    opening="{plan_of_capital} {appointment_what} has changed. This is how it is now.\n\n",
    text="Your appointment has changed. It is now on {appointment_when}. Sign in to Living Plan for the details.",
    method="REQUEST",
)

APPOINTMENT_CANCELLED = _template(
    "appointment_cancelled",
    subject="Cancelled: {plan_of} {appointment_what}",
    opening="{plan_of_capital} {appointment_what} has been cancelled. It was going to be:\n\n",
    text="Your appointment on {appointment_when} has been cancelled.",
    method="CANCEL",
)

# --- The person asks to change an appointment, and is answered ---------------------------------

APPOINTMENT_CHANGE_ASKED = Template(
    key="appointment_change_asked",
    wording={
        Channel.EMAIL: Wording(
            subject="{person_first_name} has asked to change an appointment",
            body=(
                "Hello {first_name},\n\n"
                "{person_first_name} has asked to change {person_their} {appointment_what} "
                "on {appointment_when}.\n\n"
                "See what {person_first_name} asked for and answer here:\n\n{link}"
            ),
        ),
    },
)

APPOINTMENT_REQUEST_ANSWERED = Template(
    key="appointment_request_answered",
    wording={
        Channel.EMAIL: Wording(
            subject="Your request to change your appointment has been answered",
            body=(
                "Hello {first_name},\n\n"
                "You asked to change your {appointment_what} on {appointment_when}.\n\n"
                "{request_answer}\n\n"
                "You can see your appointments here (you will need to sign in):\n\n{link}"
            ),
        ),
        Channel.SMS: Wording(
            subject="",
            body="Hello {first_name}. Your request to change your appointment has been answered. "
            "Sign in to Living Plan to see the answer.",
        ),
        Channel.LETTER: Wording(
            subject="Your request to change your appointment has been answered",
            body=(
                "Dear {first_name},\n\n"
                "You asked to change your {appointment_what} on {appointment_when}.\n\n"
                "{request_answer}\n\n"
                "If you have any questions, call your care coordinator."
            ),
        ),
    },
)

# --- The day before (appointments/reminders.py) ------------------------------------------------
# By email or text only: a letter posted the day before would arrive after the appointment, and the
# invitation already reached them by post.

APPOINTMENT_REMINDER = Template(
    key="appointment_reminder",
    wording={
        Channel.EMAIL: Wording(
            subject="Tomorrow: {plan_of} {appointment_what}",
            body=(
                "Hello {first_name},\n\n"
                "This is a reminder of {plan_of} {appointment_what} tomorrow.\n\n"
                + _DETAILS
                + "If you cannot come, or need something different, you can ask for a different time here "
                "(you will need to sign in):\n\n{link}"
            ),
        ),
        Channel.SMS: Wording(
            subject="",
            body="Hello {first_name}. A reminder: you have an appointment on {appointment_when}. "
            "Sign in to Living Plan for the details.",
        ),
    },
)
