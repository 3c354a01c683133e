"""Asking for, following and cancelling a FHIR Bulk Data `$export` (ADR-045): the verbs behind
the `/fhir/r4/$export` endpoints and the progress pages, and the manifest a finished one gives.

Only the user who asked sees an export, its progress and its files: anyone else is told there
is no such export. Asking and cancelling are audited (`interop.fhir.export_requested`,
`interop.fhir.export_cancelled`); each person written is audited by the task as a read.
"""

from pathlib import Path
from typing import Any

from django.db.models import QuerySet

from livingplan.accounts.models import User
from livingplan.core.audit_context import AuditContext
from livingplan.core.services import auditor
from livingplan.interop import bulk, tasks
from livingplan.interop.models import BulkExport

Status = BulkExport.Status
NDJSON_FORMATS = frozenset({"application/fhir+ndjson", "application/ndjson", "ndjson"})
KICK_OFF_PARAMETERS = frozenset({"_outputFormat", "_type"})


class BadRequest(ValueError):
    """A kick-off this server cannot do, in words for the caller."""


class NoSuchExport(LookupError):
    """Not there, not theirs, or cancelled: the same answer."""


def types_asked(params: dict[str, str]) -> list[str]:
    """The `_type` list of a kick-off (empty: every type), after checking what else it asks."""
    unknown = sorted(set(params) - KICK_OFF_PARAMETERS)
    if unknown:
        raise BadRequest(f"$export here does not support {', '.join(unknown)}: it takes _type and _outputFormat")
    if params.get("_outputFormat", "application/fhir+ndjson") not in NDJSON_FORMATS:
        raise BadRequest("$export writes NDJSON only: leave out _outputFormat or ask for application/fhir+ndjson")
    types = [t.strip() for t in params.get("_type", "").split(",") if t.strip()]
    wrong = [t for t in types if t not in bulk.TYPES]
    if wrong:
        raise BadRequest(f"$export cannot write {', '.join(wrong)}: it writes {', '.join(bulk.TYPES)}")
    return types


def start(user: User, *, level: str, types: list[str], request_url: str, audit: AuditContext) -> BulkExport:
    job = BulkExport.objects.create(requested_by=user, level=level, types=types, request_url=request_url)
    auditor.record("interop.fhir.export_requested", audit=audit, obj=job, detail={"level": level, "types": types})
    tasks.enqueue(job)
    job.refresh_from_db()  # a worker running in this process (the tests') may have finished it
    return job


def mine(user: User) -> QuerySet[BulkExport]:
    return BulkExport.objects.filter(requested_by=user).exclude(status=Status.CANCELLED)


def find(user: User, export_id: int) -> BulkExport:
    job = mine(user).filter(pk=export_id).first()
    if job is None:
        raise NoSuchExport
    return job


def cancel(job: BulkExport, *, audit: AuditContext) -> None:
    """Stops it (the task stops after its chunk) and deletes what it wrote, done or not."""
    BulkExport.objects.filter(pk=job.pk).update(status=Status.CANCELLED)
    bulk.remove_files(job.pk)
    auditor.record("interop.fhir.export_cancelled", audit=audit, obj=job)


def file_path(job: BulkExport, kind: str) -> Path:
    if job.status != Status.DONE or kind not in {f["type"] for f in job.files}:
        raise NoSuchExport
    return bulk.export_dir(job.pk) / f"{kind}.ndjson"


def progress_words(job: BulkExport) -> str:
    """Where it is, in plain words: the `X-Progress` header and the progress page say the same."""
    if job.status == Status.WAITING:
        return "Waiting to start"
    if job.status == Status.RUNNING:
        if not job.total:
            return "Finding the plans to write"
        return f"Written {job.written:,} of {_plans(job.total)} ({100 * job.written // job.total}%)"
    if job.status == Status.DONE:
        return f"Ready: {_plans(job.total)} in {len(job.files)} files"
    return "Could not be finished: ask for it again, or tell us if it keeps happening"


def _plans(n: int) -> str:
    return f"{n:,} plan" if n == 1 else f"{n:,} plans"


def manifest(job: BulkExport, *, base: str) -> dict[str, Any]:
    """The Bulk Data complete-status body: a file per resource type, downloaded with the same token."""
    return {
        "transactionTime": job.requested_at.isoformat(),
        "request": job.request_url,
        "requiresAccessToken": True,
        "output": [
            {"type": f["type"], "url": f"{base}/$export-file/{job.pk}/{f['type']}.ndjson", "count": f["count"]}
            for f in job.files
        ],
        "error": [],
    }
