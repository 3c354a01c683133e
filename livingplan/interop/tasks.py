"""The FHIR Bulk Data `$export` task, run by `livingplan db_worker` (ADR-004, ADR-045).

It reads as the user who asked, as they are when it runs: `visible_to` and each person's
sharing. After each chunk it records the progress on the row, audits a read of each person
written (`interop.fhir.read`, with the organisation the user acts for about them), and stops if
the export was cancelled meanwhile (the row is no longer running: the update touches nothing).
"""

import logging

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from livingplan.core.audit_context import AuditContext
from livingplan.core.services import auditor
from livingplan.interop import bulk
from livingplan.interop.models import BulkExport
from livingplan.people.models import Person

log = logging.getLogger(__name__)
Status = BulkExport.Status


def enqueue(job: BulkExport) -> None:
    """On the worker's queue, never in the request: an export of every plan takes minutes."""
    run_bulk_export.using(backend=settings.LATER_TASKS_BACKEND).enqueue(job.pk)


@task()
def run_bulk_export(export_id: int) -> None:
    job = BulkExport.objects.select_related("requested_by").filter(pk=export_id).first()
    if job is None or not BulkExport.objects.filter(pk=export_id, status=Status.WAITING).update(status=Status.RUNNING):
        return  # cancelled before it started, or another worker has it
    user = job.requested_by
    people = bulk.people_to_export(user)
    total = people.count()
    BulkExport.objects.filter(pk=export_id).update(total=total)
    audit = AuditContext.for_system(actor=user, via=f"FHIR bulk $export {export_id}")
    written = 0

    def after_chunk(chunk: list[Person]) -> bool:
        nonlocal written
        for person in chunk:
            auditor.record("interop.fhir.read", audit=audit, person_id=person.pk, detail={"request": "$export"})
        written += len(chunk)
        return bool(BulkExport.objects.filter(pk=export_id, status=Status.RUNNING).update(written=written))

    types = frozenset(job.types) if job.types else None
    try:
        counts = bulk.write(people, bulk.export_dir(export_id), viewer=user, types=types, after_chunk=after_chunk)
    except Exception:
        log.exception("FHIR bulk export %s failed", export_id)
        BulkExport.objects.filter(pk=export_id, status=Status.RUNNING).update(
            status=Status.FAILED, finished_at=timezone.now()
        )
        bulk.remove_files(export_id)
        return
    if counts is None:  # cancelled: DELETE removed what was there, and this removes the rest
        bulk.remove_files(export_id)
        return
    files = [{"type": kind, "count": n} for kind, n in counts.items()]
    finished = BulkExport.objects.filter(pk=export_id, status=Status.RUNNING).update(
        status=Status.DONE, files=files, written=total, finished_at=timezone.now()
    )
    if not finished:  # cancelled after its last chunk
        bulk.remove_files(export_id)
