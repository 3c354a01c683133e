"""Our own wording for every message: short, plain English, the recipient's first name, what
happened, what to do next, one link. A text carries no personal detail beyond a first name.

Notify holds one template per channel whose content is only `((subject))` and `((body))`
(the ids are settings), so the words live here, in the repository, reviewed and tested.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from livingplan.notifications.models import Channel

# Put in place of a secret (a one-time link) once the message has gone: the outbox keeps no key to anything.
REMOVED = "[link removed after sending: it works only once]"


@dataclass(frozen=True)
class Wording:
    subject: str  # email and letter heading; texts have none
    body: str


@dataclass(frozen=True)
class Template:
    key: str
    wording: Mapping[str, Wording]  # channel -> words
    secret_fields: frozenset[str] = frozenset()
    # Kept for whatever makes the letter's PDF at send time (`letters.py`): which version, which format.
    letter_fields: frozenset[str] = frozenset()

    @property
    def letter_pdf(self) -> bool:
        """The letter is a PDF made when it is sent (Notify's precompiled route), not words on a template."""
        return bool(self.letter_fields)

    @property
    def channels(self) -> tuple[str, ...]:
        return tuple(self.wording)

    def fields(self, channel: str) -> set[str]:
        """The personalisation this channel's words use: the outbox keeps only these."""
        words = self.wording[channel]
        used = {name for name in _FIELDS if "{" + name + "}" in words.subject + words.body}
        return used | set(self.letter_fields) if channel == Channel.LETTER else used


_FIELDS = ("first_name", "person_first_name", "link", "agreed_on", "what_changed")

CIRCLE_INVITATION = Template(
    key="circle_invitation",
    secret_fields=frozenset({"link"}),
    wording={
        Channel.EMAIL: Wording(
            subject="{person_first_name} has invited you to their circle of support",
            body=(
                "Hello {first_name},\n\n"
                "{person_first_name} has invited you to join their circle of support on Living Plan. "
                "You will be able to see the parts of their care and support plan they choose to share with you.\n\n"
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

TEMPLATES: dict[str, Template] = {
    t.key: t
    for t in (CIRCLE_INVITATION, PLAN_AGREED, PLAN_READY, PLAN_READY_ON_BEHALF, PLAN_AGREED_FOR_OTHERS, PLAN_VERSION)
}


def render(template_key: str, channel: str, personalisation: Mapping[str, str]) -> Wording:
    words = TEMPLATES[template_key].wording[channel]
    values = {name: str(personalisation.get(name, "")) for name in _FIELDS}
    values["what_changed"] = values["what_changed"] or "see the plan."
    return Wording(subject=words.subject.format(**values), body=words.body.format(**values))
