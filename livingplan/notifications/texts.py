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

    @property
    def channels(self) -> tuple[str, ...]:
        return tuple(self.wording)

    def fields(self, channel: str) -> set[str]:
        """The personalisation this channel's words use: the outbox keeps only these."""
        words = self.wording[channel]
        return {name for name in _FIELDS if "{" + name + "}" in words.subject + words.body}


_FIELDS = ("first_name", "person_first_name", "link", "agreed_on")

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

TEMPLATES: dict[str, Template] = {t.key: t for t in (CIRCLE_INVITATION, PLAN_AGREED)}


def render(template_key: str, channel: str, personalisation: Mapping[str, str]) -> Wording:
    words = TEMPLATES[template_key].wording[channel]
    values = {name: str(personalisation.get(name, "")) for name in _FIELDS}
    return Wording(subject=words.subject.format(**values), body=words.body.format(**values))
