"""The shape of our wording: a template has words per channel, and names the personalisation it uses."""

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
class Attachment:
    """A file sent with an email where the channel can carry one (Django's email backend; not Notify,
    whose files must be of types it lists, and an .ics is not one: the words carry a link instead)."""

    field: str  # the personalisation field holding the file's text (made when the message was queued)
    filename: str
    mime_type: str


@dataclass(frozen=True)
class Template:
    key: str
    wording: Mapping[str, Wording]  # channel -> words
    secret_fields: frozenset[str] = frozenset()
    # Kept for whatever makes the letter's PDF at send time (`letters.py`): which version, which format.
    letter_fields: frozenset[str] = frozenset()
    attachment: Attachment | None = None

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
        if channel == Channel.EMAIL and self.attachment is not None:
            used.add(self.attachment.field)
        return used | set(self.letter_fields) if channel == Channel.LETTER else used


_FIELDS = (
    "first_name",
    "person_first_name",
    "link",
    "agreed_on",
    "what_changed",
    # The everyday messages: the person's full name for staff, and their pronouns.
    "person_name",
    "person_their",
    "person_them",
    "by_name",
    "due_on",
    "plan_of",  # "your" to the person, "Alex's" to anyone else
    "organisation",
    # Appointments (appointments/invitations.py): what, when, where, who, access needs.
    "plan_of_capital",  # "Your" or "Alex's", to begin a sentence
    "appointment_what",
    "appointment_when",
    "appointment_where",
    "appointment_who",
    "access_needs",
    "request_answer",  # the coordinator's answer to a request to change, in a sentence or two
)
