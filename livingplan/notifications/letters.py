"""Letters that carry a PDF (GOV.UK Notify's precompiled-letter route), made when they are sent.

This app knows nothing of plans or documents (the layers): the documents app registers, at
start-up, the one function that turns an outbox row's kept personalisation (which version, which
format) into the PDF, as `people` registers who may see whom. The PDF is made by the worker at
send time, never in the request that queued it: WeasyPrint takes seconds (ADR-019).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class LetterRequest:
    """What the renderer gets: whose letter, where it goes, and the row's kept personalisation."""

    person_id: int | None
    address_lines: tuple[str, ...]
    personalisation: Mapping[str, str]


@dataclass(frozen=True)
class LetterPdf:
    content: bytes
    pages: int
    format_label: str  # "large print", said in the receipt and on "Messages sent"


class LetterNotMade(Exception):
    """The renderer cannot make this letter (the plan moved on, the person is gone): not worth retrying.

    `overtaken`: a newer version was agreed first and goes instead, so nobody needs to call anyone."""

    def __init__(self, reason: str, *, overtaken: bool = False) -> None:
        super().__init__(reason)
        self.overtaken = overtaken


LetterRenderer = Callable[[LetterRequest], LetterPdf]
_renderer: LetterRenderer | None = None


def register_letter_renderer(renderer: LetterRenderer) -> None:
    global _renderer  # one renderer for the process, set at start-up
    _renderer = renderer


def make_letter(request: LetterRequest) -> LetterPdf:
    if _renderer is None:
        raise LetterNotMade("No letter renderer is registered (the documents app is not installed)")
    return _renderer(request)
