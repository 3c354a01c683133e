"""Which format a document comes in, what kind it is, and the name it is saved under."""

import datetime as dt
from enum import StrEnum

from django.utils.text import slugify

from livingplan.people.models import CommunicationNeeds, InformationFormat, Person


class DocFormat(StrEnum):
    """The renderings a document comes in; the value is what `?format=` and filenames use."""

    STANDARD = "standard"
    LARGE_PRINT = "large-print"
    EASY_READ = "easy-read"

    @property
    def label(self) -> str:
        return FORMAT_LABELS[self]


FORMAT_LABELS = {
    DocFormat.STANDARD: "Standard print",
    DocFormat.LARGE_PRINT: "Large print",
    DocFormat.EASY_READ: "Easy read",
}

# Braille, audio and British Sign Language are not something a page can become: standard print
# is what staff work from to produce them.
FROM_RECORDED = {
    InformationFormat.EASY_READ: DocFormat.EASY_READ,
    InformationFormat.LARGE_PRINT: DocFormat.LARGE_PRINT,
}


class DocKind(StrEnum):
    PLAN = "plan"
    ABOUT_ME = "about-me"


def recorded_format(person: Person) -> DocFormat:
    """The person's recorded information format as a document format (standard if none is recorded)."""
    needs: CommunicationNeeds | None = getattr(person, "communication_needs", None)
    if needs is None:
        return DocFormat.STANDARD
    return FROM_RECORDED.get(InformationFormat(needs.information_format), DocFormat.STANDARD)


def chosen_format(person: Person, requested: str | None) -> DocFormat:
    """`?format=` if given, else the person's own format. Raises ValueError for an unknown format."""
    if requested:
        return DocFormat(requested)
    return recorded_format(person)


def filename(person: Person, kind: DocKind, fmt: DocFormat, on: dt.date, extension: str = "pdf") -> str:
    """'alex-carter-plan-large-print-2026-03-03.pdf': whose, what, which format, and when."""
    parts = [slugify(person.full_name) or "person", "one-page-profile" if kind == DocKind.ABOUT_ME else "plan"]
    if fmt != DocFormat.STANDARD:
        parts.append(fmt.value)
    parts.append(on.isoformat())
    return f"{'-'.join(parts)}.{extension}"


def export_filename(person: Person, on: dt.date) -> str:
    return f"{slugify(person.full_name) or 'person'}-everything-held-about-me-{on.isoformat()}.zip"
