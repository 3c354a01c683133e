"""Letters that carry a PDF (GOV.UK Notify's precompiled-letter route), made when they are sent.

This app knows nothing of plans or documents (the layers): the documents app registers, at
start-up, the functions that turn an outbox row's kept personalisation (which version, which
format) into the PDF, as `people` registers who may see whom: one for a template that carries
something of its own (the plan), and a default that prints the message's words in the person's
format (large print, easy read) for every other letter that asks for a PDF. The PDF is made by the worker at
send time, never in the request that queued it: WeasyPrint takes seconds (ADR-019).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class LetterRequest:
    """What the renderer gets: whose letter, where it goes, and the row's kept personalisation."""

    template_key: str
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
_DEFAULT = ""
_renderers: dict[str, LetterRenderer] = {}  # template key ("" for the default) -> renderer, set at start-up


def register_letter_renderer(renderer: LetterRenderer, *, template: str = _DEFAULT) -> None:
    """`template`: the one template this renderer makes letters for; left out, every other one."""
    _renderers[template] = renderer


def make_letter(request: LetterRequest) -> LetterPdf:
    renderer = _renderers.get(request.template_key) or _renderers.get(_DEFAULT)
    if renderer is None:
        raise LetterNotMade("No letter renderer is registered (the documents app is not installed)")
    return renderer(request)
