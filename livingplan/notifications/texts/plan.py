"""The circle invitation and the plan's agreement: plans/services/messages.py and people queue these."""

from livingplan.notifications.models import Channel
from livingplan.notifications.texts.base import Template, Wording

CIRCLE_INVITATION = Template(
    key="circle_invitation",
    secret_fields=frozenset({"link"}),
    wording={
        Channel.EMAIL: Wording(
            subject="{person_first_name} has invited you to {person_their} circle of support",
            body=(
                "Hello {first_name},\n\n"
                "{person_first_name} has invited you to join {person_their} circle of support on Living Plan. "
                "You will be able to see the parts of {person_their} care and support plan "
                "{person_first_name} chooses to share with you.\n\n"
                "To accept, open this link and choose a password. It works once, for 7 days:\n\n"
                "{link}\n\n"
                "If you were not expecting this, you can ignore this email."
            ),
        ),
        Channel.SMS: Wording(
            subject="",
            body=(
                "Hello {first_name}. You have been invited to join someone's circle of support on Living Plan. "
                "To accept, open this link within 7 days: {link}"
            ),
        ),
    },
)

# The person themself, invited by their care team (people/services/own_invitation.py). Only the
# person's own email or text: a one-time link is no use in a letter.
OWN_INVITATION = Template(
    key="own_invitation",
    secret_fields=frozenset({"link"}),
    wording={
        Channel.EMAIL: Wording(
            subject="Your Living Plan: choose a password to sign in",
            body=(
                "Hello {first_name},\n\n"
                "{by_name} has invited you to sign in to Living Plan. There you can see your care and support "
                "plan, add to it in your own words, get ready for your planning conversation and choose who "
                "sees your plan.\n\n"
                "Open this link and choose a password. It works once, for 7 days:\n\n"
                "{link}\n\n"
                "If you were not expecting this, you can ignore this email, or ask {by_name} about it."
            ),
        ),
        Channel.SMS: Wording(
            subject="",
            body=(
                "Hello {first_name}. Your care team has invited you to sign in to Living Plan to see your plan. "
                "Open this link within 7 days and choose a password: {link}"
            ),
        ),
    },
)

PLAN_AGREED = Template(
    key="plan_agreed",
    wording={
        Channel.EMAIL: Wording(
            subject="Your care and support plan has been agreed",
            body=(
                "Hello {first_name},\n\n"
                "Your care and support plan was agreed on {agreed_on}.\n\n"
                "You can read it, and ask for changes, here:\n\n{link}"
            ),
        ),
        Channel.SMS: Wording(
            subject="", body="Hello {first_name}. Your plan was agreed on {agreed_on}. Read it here: {link}"
        ),
        Channel.LETTER: Wording(
            subject="Your care and support plan has been agreed",
            body=(
                "Dear {first_name},\n\n"
                "Your care and support plan was agreed on {agreed_on}. "
                "If you want to change anything in it, call your care coordinator.\n\n"
                "You can also read it online: {link}"
            ),
        ),
    },
)

# --- The plan's agreement (plans/messages.py queues these) ---------------------------------------
# A text never names the person the plan is about, nor what changed: only the recipient's first name.

PLAN_READY = Template(
    key="plan_ready",
    wording={
        Channel.EMAIL: Wording(
            subject="Your care and support plan is ready for you to agree",
            body=(
                "Hello {first_name},\n\n"
                "Your care and support plan is ready. Please read it. If it says what you want, agree it. "
                "If you want anything changed, tell your care coordinator.\n\n{link}"
            ),
        ),
        Channel.SMS: Wording(
            subject="", body="Hello {first_name}. Your plan is ready for you to read and agree: {link}"
        ),
        Channel.LETTER: Wording(
            subject="Your care and support plan is ready for you to agree",
            body=(
                "Dear {first_name},\n\n"
                "Your care and support plan is ready. Please read it. If it says what you want, agree it. "
                "If you want anything changed, call your care coordinator.\n\n"
                "You can read it online: {link}"
            ),
        ),
    },
)

PLAN_READY_ON_BEHALF = Template(
    key="plan_ready_on_behalf",
    wording={
        Channel.EMAIL: Wording(
            subject="{person_first_name}'s care and support plan is ready for you to agree for them",
            body=(
                "Hello {first_name},\n\n"
                "{person_first_name}'s care and support plan is ready. You can agree it on their behalf. "
                "Please read it, think about their wishes and feelings, and agree it or ask for changes.\n\n{link}"
            ),
        ),
        Channel.SMS: Wording(
            subject="",
            body="Hello {first_name}. A plan is ready for you to read and agree on someone's behalf: {link}",
        ),
        Channel.LETTER: Wording(
            subject="{person_first_name}'s care and support plan is ready for you to agree for them",
            body=(
                "Dear {first_name},\n\n"
                "{person_first_name}'s care and support plan is ready. You can agree it on their behalf. "
                "Please read it, think about their wishes and feelings, and agree it or ask for changes.\n\n"
                "You can read it online: {link}"
            ),
        ),
    },
)

# To everyone else on the plan who signs in: the circle with access, the care team.
PLAN_AGREED_FOR_OTHERS = Template(
    key="plan_agreed_others",
    wording={
        Channel.EMAIL: Wording(
            subject="{person_first_name}'s care and support plan has been agreed",
            body=(
                "Hello {first_name},\n\n"
                "{person_first_name}'s care and support plan was agreed on {agreed_on}. "
                "What changed: {what_changed}\n\n"
                "You can read the parts shared with you here:\n\n{link}"
            ),
        ),
        Channel.SMS: Wording(
            subject="", body="Hello {first_name}. A plan you follow on Living Plan has been agreed. Read it: {link}"
        ),
    },
)

# The agreed version itself, to the person: an email with the link to its PDF, or a letter that is the PDF.
PLAN_VERSION = Template(
    key="plan_version",
    letter_fields=frozenset({"version", "letter_format"}),
    wording={
        Channel.EMAIL: Wording(
            subject="Your agreed care and support plan",
            body=(
                "Hello {first_name},\n\n"
                "Your care and support plan was agreed on {agreed_on}. What changed: {what_changed}\n\n"
                "Download it as a PDF to keep or print:\n\n{link}\n\n"
                "If you want anything changed, tell your care coordinator."
            ),
        ),
        Channel.LETTER: Wording(
            subject="Your agreed care and support plan",
            body=(
                "Dear {first_name},\n\n"
                "Your care and support plan was agreed on {agreed_on}. Your copy is in this letter. "
                "What changed: {what_changed}\n\n"
                "If you want anything changed, call your care coordinator."
            ),
        ),
    },
)
