"""Letters as PDFs in the person's format, made by WeasyPrint when the worker posts them.

- `plan_letter`: the agreed plan, a covering page with the address and our own words, then the
  plan, from the same content as every other rendering (ADR-011).
- `words_letter`: any other letter that asks for a PDF (what to expect when planning starts): the
  message's words alone, large print or easy read as the person asked, which a letter template
  at Notify cannot be.

Registered with the notifications app at start-up (`apps.py`): it knows no plans or documents and
asks for the PDF when the worker sends the letter (`notifications/letters.py`). The letter is the
person's own copy, so it shows every part of their plan, as their own PDF does.
"""

import weasyprint  # type: ignore[import-untyped]
from django.template.loader import render_to_string
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.documents import presenters, rendering
from livingplan.documents.presenters import DocFormat, DocKind
from livingplan.notifications import texts
from livingplan.notifications.letters import LetterNotMade, LetterPdf, LetterRequest
from livingplan.notifications.models import Channel
from livingplan.notifications.texts.base import Wording
from livingplan.people.models import Person
from livingplan.plans.models import Plan, PlanStatus
from livingplan.plans.presenters.plan import build_plan_page
from livingplan.plans.sections import ALL_GROUPS

LETTER_TEMPLATE = "documents/letter.jinja"
WORDS_LETTER_TEMPLATE = "documents/letter_words.jinja"
PLAN_VERSION = "plan_version"


def _plan_as_agreed(person_id: int | None, number: int) -> Plan:
    """The plan, while what it says is still the version agreed; else the letter would say something else."""
    if person_id is None:
        raise LetterNotMade("The letter does not say whose plan it carries")
    plan = (
        Plan.objects.select_related("person__communication_needs", "person__lead_organisation", "person__user")
        .filter(person_id=person_id)
        .first()
    )
    if plan is None:
        raise LetterNotMade("The plan this letter carries no longer exists")
    latest = plan.versions.order_by("-number").values_list("number", flat=True).first()
    if latest != number or plan.status not in {PlanStatus.AGREED, PlanStatus.ACTIVE}:
        # Not worth retrying: the newer version, once agreed, is posted instead.
        raise LetterNotMade(f"The plan changed before version {number} was posted: it was not sent", overtaken=True)
    return plan


def _format(person: Person, value: str) -> DocFormat:
    try:
        return DocFormat(value)
    except ValueError:
        return presenters.recorded_format(person)


def plan_letter(request: LetterRequest) -> LetterPdf:
    """The covering letter and version `version` of the person's plan, as one tagged PDF."""
    personalisation = request.personalisation
    try:
        number = int(personalisation.get("version", ""))
    except ValueError:
        raise LetterNotMade("The letter does not say which version of the plan it carries") from None
    plan = _plan_as_agreed(request.person_id, number)
    person = plan.person
    # Printed for the person: their own account if they have one, else nobody signed in ("you" is never said).
    reader = person.user if person.user is not None else User()
    today = timezone.localdate()
    page = build_plan_page(plan, viewer=reader, groups=ALL_GROUPS, today=today)
    fmt = _format(person, personalisation.get("letter_format", ""))
    doc = presenters.document(person=person, page=page, fmt=fmt, kind=DocKind.PLAN, is_self=True, made_on=today)
    words = texts.render(PLAN_VERSION, Channel.LETTER, personalisation)
    html = render_to_string(LETTER_TEMPLATE, {"doc": doc, "address_lines": request.address_lines, **_words(words)})
    return _pdf(html, fmt)


def words_letter(request: LetterRequest) -> LetterPdf:
    """The message's words on a letter in the person's format; nothing else is printed."""
    person = None
    if request.person_id is not None:
        person = Person.objects.select_related("communication_needs").filter(pk=request.person_id).first()
    if person is None:
        raise LetterNotMade("The person this letter is for is no longer on Living Plan")
    fmt = _format(person, request.personalisation.get("letter_format", ""))
    words = texts.render(request.template_key, Channel.LETTER, request.personalisation)
    context = {"fmt": fmt.value, "made_on": timezone.localdate(), "address_lines": request.address_lines}
    return _pdf(render_to_string(WORDS_LETTER_TEMPLATE, {**context, **_words(words)}), fmt)


def _words(words: Wording) -> dict[str, object]:
    return {"words": words, "paragraphs": [p for p in words.body.split("\n\n") if p.strip()]}


def _pdf(html: str, fmt: DocFormat) -> LetterPdf:
    made = weasyprint.HTML(
        string=html, base_url=rendering.BASE_URL, url_fetcher=rendering.StaticFilesOnly(), media_type="print"
    ).render()
    content = made.write_pdf(**rendering.PDF_OPTIONS)
    assert isinstance(content, bytes)
    return LetterPdf(content=content, pages=len(made.pages), format_label=fmt.label.lower())
