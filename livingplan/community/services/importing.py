"""Importing an Open Referral UK file: all of it, in one transaction, or none of it.

A file with any problem saves nothing and returns the report (which record, which field, why).
A service whose id is already in the directory changes that resource, so importing the same file
again adds nothing twice.
"""

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from livingplan.accounts.models import User
from livingplan.community.models import Resource
from livingplan.community.oruk import reading, writing
from livingplan.community.oruk.reading import ParsedService, Problem
from livingplan.community.services.resources import require_maintainer, set_tags
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor

IMPORTED = "community.directory.imported"
REFUSED = "community.directory.import_refused"
EXPORTED = "community.directory.exported"


@dataclass
class ImportResult:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    report: list[str] = field(default_factory=list)  # the problems; empty when the file was imported
    nothing_to_add: str = ""  # why a good file added nothing (it held a taxonomy, say)

    @property
    def imported(self) -> bool:
        return not self.report


def _save(parsed: ParsedService, existing: Resource | None) -> Resource:
    resource = existing or Resource(oruk_id=parsed.oruk_id)
    for name, value in parsed.values.items():
        setattr(resource, name, value)
    resource.full_clean(validate_unique=False)
    resource.save()
    set_tags(resource, parsed.tags)
    return resource


def _problems_saving(parsed: ParsedService, error: ValidationError, n: int) -> list[str]:
    where = f'Service {n} ("{parsed.values["name"][:60]}", id {parsed.oruk_id})'
    return [Problem(where=where, field=name, why=" ".join(e.messages)).line for name, e in _by_field(error)]


def _by_field(error: ValidationError) -> list[tuple[str, ValidationError]]:
    if hasattr(error, "error_dict"):
        return [(name, ValidationError(errors)) for name, errors in error.error_dict.items()]
    return [("", error)]


def import_directory(
    content: bytes, *, by: User, filename: str = "", audit: AuditContext | None = None
) -> ImportResult:
    """Read `content` and save every service in it, or nothing. The result says which, and why."""
    require_maintainer(by)
    context = context_for(by, audit)
    read = reading.read(content)
    result = ImportResult(report=read.report, nothing_to_add=read.nothing_to_add)
    if result.report:
        auditor.record(REFUSED, audit=context, detail={"filename": filename[:200], "problems": len(read.problems)})
        return result
    with transaction.atomic():
        existing = {r.oruk_id: r for r in Resource.objects.filter(oruk_id__in=[s.oruk_id for s in read.services])}
        problems: list[str] = []
        for n, parsed in enumerate(read.services, start=1):
            try:
                _save(parsed, existing.get(parsed.oruk_id))
            except ValidationError as error:
                problems += _problems_saving(parsed, error, n)
                continue
            (result.changed if parsed.oruk_id in existing else result.added).append(parsed.values["name"])
        if problems:
            transaction.set_rollback(True)  # all or nothing: one bad record keeps every other out too
            return ImportResult(report=problems)
        auditor.record(
            IMPORTED,
            audit=context,
            detail={"filename": filename[:200], "added": len(result.added), "changed": len(result.changed)},
        )
    return result


def export_directory(*, by: User, audit: AuditContext | None = None) -> dict[str, Any]:
    """The whole directory as one page of Open Referral UK services (organisation admins only)."""
    require_maintainer(by)
    data = writing.page(Resource.objects.prefetch_related("tags"))
    auditor.record(EXPORTED, audit=context_for(by, audit), detail={"services": data["total_items"]})
    return data
