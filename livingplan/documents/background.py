"""Large documents are made by the task worker, never inside a web request (issue 8 #4, ADR-019).

A 200-outcome plan's PDF takes WeasyPrint seconds; six at once held every web worker and
`/healthz` took 48 s. So a request for a PDF or the subject access ZIP asks for the file
(`request_*`) and is answered at once: with the file if it is already made for this viewer at
this plan revision, else with a "being made" page while `tasks.make_document` makes it.

The key of a file is everything it shows (the same things the plan page's render cache names,
ADR-013) plus its kind and format, hashed. The task makes the file from what is true when it
runs, loading through `visible_to(viewer)` and the viewer's sharing groups then, so a file never
shows more than its viewer may see; the view serves it only while its key is still the current one.
"""

import datetime as dt
import hashlib
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.community.presenters.pack import Pack
from livingplan.core.models import AuditEvent
from livingplan.documents import presenters
from livingplan.documents.models import MadeDocument
from livingplan.documents.presenters import DocFormat, DocKind
from livingplan.people.models import Person
from livingplan.plans.models import Plan
from livingplan.plans.presenters.plan import content_version

EXPORT = "export"
COMMUNITY_PACK = "community_pack"
# A worker killed mid-task leaves its file "being made"; the next request after this asks again.
STUCK_AFTER = dt.timedelta(minutes=5)
# The ZIP's audit trail grows with every read, which moves no revision: a ready ZIP is kept this long.
EXPORT_KEPT_FOR = dt.timedelta(minutes=10)


def _hash(depends_on: tuple[Any, ...]) -> str:
    return hashlib.sha256(repr(depends_on).encode()).hexdigest()


def plan_key(plan: Plan, *, viewer: User, groups: frozenset[str], fmt: DocFormat, kind: DocKind, is_self: bool) -> str:
    person = plan.person
    needs = getattr(person, "communication_needs", None)
    return _hash(
        (
            "plan-document",
            kind.value,
            fmt.value,
            *content_version(plan),
            viewer.pk,
            sorted(groups),
            is_self,
            person.full_name,
            person.name_to_use,
            needs.information_format if needs else None,
            timezone.localdate(),  # the file says the day it was made
        )
    )


def last_change_about(person: Person, *, viewer: User) -> int:
    """The newest audited change about the person: every write to their record or plan is audited.

    Read through the viewer's trail: only the person exports, and they may read every event about them."""
    writes = AuditEvent.objects.visible_to(viewer).filter(person_id=person.pk).exclude(action__endswith=".viewed")
    return writes.exclude(action__endswith=".exported").order_by("-pk").values_list("pk", flat=True).first() or 0


def export_key(person: Person, *, viewer: User, groups: frozenset[str]) -> str:
    plan = getattr(person, "plan", None)
    return _hash(
        (
            EXPORT,
            person.pk,
            viewer.pk,
            sorted(groups),
            content_version(plan) if plan else None,
            last_change_about(person, viewer=viewer),
            timezone.localdate(),
        )
    )


def _ask(
    person: Person,
    *,
    viewer: User,
    kind: str,
    fmt: str,
    key: str,
    filename: str,
    kept_for: dt.timedelta | None,
    retry_failed: bool,
) -> MadeDocument:
    """The viewer's file for `key`: found, or asked of the worker now. Older files in the same slot go.

    A file that could not be made is asked for again only when `retry_failed` (a person asking,
    not the page's poll, which would otherwise queue it every few seconds)."""
    from livingplan.documents.tasks import make_document  # the task module imports this one

    now = timezone.now()
    mine = MadeDocument.objects.visible_to(viewer)
    made = mine.filter(key=key).first()
    if made is None:
        try:
            with transaction.atomic():
                made = mine.create(
                    person=person, viewer=viewer, kind=kind, fmt=fmt, key=key, filename=filename, requested_at=now
                )
        except IntegrityError:  # the same viewer asked twice at once: one row, one task
            return mine.get(key=key)
        mine.filter(person=person, kind=kind, fmt=fmt).exclude(pk=made.pk).delete()
    elif not _needs_asking_again(made, now, kept_for, retry_failed=retry_failed):
        return made
    else:
        mine.filter(pk=made.pk).update(status=MadeDocument.Status.WAITING, content=None, requested_at=now)
    make_document.enqueue(made.pk)
    made.refresh_from_db()
    return made


def _needs_asking_again(
    made: MadeDocument, now: dt.datetime, kept_for: dt.timedelta | None, *, retry_failed: bool
) -> bool:
    if made.status == MadeDocument.Status.FAILED:
        return retry_failed
    if made.status == MadeDocument.Status.WAITING:
        return now - made.requested_at > STUCK_AFTER
    return kept_for is not None and made.made_at is not None and now - made.made_at > kept_for


def request_plan_document(
    plan: Plan,
    *,
    viewer: User,
    groups: frozenset[str],
    fmt: DocFormat,
    kind: DocKind,
    is_self: bool,
    retry_failed: bool = True,
) -> MadeDocument:
    key = plan_key(plan, viewer=viewer, groups=groups, fmt=fmt, kind=kind, is_self=is_self)
    name = presenters.filename(plan.person, kind, fmt, timezone.localdate())
    return _ask(
        plan.person,
        viewer=viewer,
        kind=kind.value,
        fmt=fmt.value,
        key=key,
        filename=name,
        kept_for=None,
        retry_failed=retry_failed,
    )


def request_export(person: Person, *, viewer: User, groups: frozenset[str], retry_failed: bool = True) -> MadeDocument:
    key = export_key(person, viewer=viewer, groups=groups)
    name = presenters.export_filename(person, timezone.localdate())
    return _ask(
        person,
        viewer=viewer,
        kind=EXPORT,
        fmt="zip",
        key=key,
        filename=name,
        kept_for=EXPORT_KEPT_FOR,
        retry_failed=retry_failed,
    )


def pack_key(pack: Pack, *, viewer: User, fmt: DocFormat) -> str:
    """Everything the pack shows (it is chosen in the request, which is quick) and who it is for."""
    what = (pack.title, pack.intro, pack.district, pack.is_self, pack.made_on, repr(pack.sections))
    return _hash((COMMUNITY_PACK, pack.person.pk, viewer.pk, fmt.value, *what))


def request_community_pack(
    pack: Pack, *, viewer: User, fmt: DocFormat, filename: str, retry_failed: bool = True
) -> MadeDocument:
    """The "what is on near you" PDF: rendering it takes WeasyPrint seconds, so the worker does it."""
    return _ask(
        pack.person,
        viewer=viewer,
        kind=COMMUNITY_PACK,
        fmt=fmt.value,
        key=pack_key(pack, viewer=viewer, fmt=fmt),
        filename=filename,
        kept_for=None,
        retry_failed=retry_failed,
    )
