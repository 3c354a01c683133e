"""The task that makes a document a viewer asked for, run by `livingplan db_worker` (ADR-004, ADR-019).

It loads everything again through `visible_to(viewer)` and the viewer's sharing groups as they
are now: if the viewer may no longer see the plan (or the part), nothing is made. Running twice
is harmless: the file is written only while the row is still waiting.
"""

import logging

from django.http import Http404
from django.utils import timezone
from django_tasks import task

from livingplan.community.presenters.pack import build_pack
from livingplan.documents import community_pack, presenters, rendering
from livingplan.documents.background import COMMUNITY_PACK, EXPORT
from livingplan.documents.models import MadeDocument
from livingplan.documents.presenters import DocFormat, DocKind
from livingplan.people.models import Person
from livingplan.plans import rules
from livingplan.plans.models import Plan
from livingplan.plans.presenters.plan import build_plan_page
from livingplan.plans.sections import SharingGroup
from livingplan.plans.sharing import groups_visible_to

log = logging.getLogger(__name__)


@task()
def make_document(made_id: int) -> None:
    made = MadeDocument.objects.select_related("viewer").filter(pk=made_id).first()
    if made is None or made.status != MadeDocument.Status.WAITING:
        return  # asked again and already made, or replaced by a newer request
    try:
        content = _make(made)
    except Http404:
        content = None  # the viewer may no longer see it: make nothing
    except Exception:
        log.exception("Could not make document %s", made_id)
        content = None
    waiting = MadeDocument.objects.filter(pk=made_id, status=MadeDocument.Status.WAITING)
    if content is None:
        waiting.update(status=MadeDocument.Status.FAILED)
    else:
        waiting.update(status=MadeDocument.Status.READY, content=content, made_at=timezone.now())


def _make(made: MadeDocument) -> bytes:
    viewer = made.viewer
    today = timezone.localdate()
    if made.kind == EXPORT:
        person = Person.objects.visible_to(viewer).filter(pk=made.person_id).first()
        if person is None or not rules.is_the_person(viewer, person):
            raise Http404
        return rendering.subject_access_zip(person, viewer=viewer, today=today)
    if made.kind == COMMUNITY_PACK:
        return _community_pack(made)
    plan = (
        Plan.objects.visible_to(viewer)
        .select_related("person__lead_organisation", "person__communication_needs")
        .filter(person_id=made.person_id)
        .first()
    )
    if plan is None:
        raise Http404
    kind = DocKind(made.kind)
    groups = groups_visible_to(viewer, plan.person)
    if kind == DocKind.ABOUT_ME and SharingGroup.ABOUT_ME not in groups:
        raise Http404
    page = build_plan_page(plan, viewer=viewer, groups=groups, today=today)
    doc = presenters.document(
        person=plan.person,
        page=page,
        fmt=DocFormat(made.fmt),
        kind=kind,
        is_self=rules.is_the_person(viewer, plan.person),
        made_on=today,
    )
    return rendering.document_pdf(doc)


def _community_pack(made: MadeDocument) -> bytes:
    """Chosen again now, as the viewer may see it now: the request only chose it to name the file."""
    person = Person.objects.visible_to(made.viewer).select_related("communication_needs").filter(pk=made.person_id)
    found = person.first()
    if found is None:
        raise Http404
    return community_pack.pack_pdf(build_pack(found, viewer=made.viewer), DocFormat(made.fmt))
