"""What the bulk export pages show (ADR-045): plain words for where each export is, its files."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.interop import exports
from livingplan.interop.models import BulkExport

SHOWN = 20


@dataclass(frozen=True)
class FileLink:
    label: str
    url: str


@dataclass(frozen=True)
class ExportView:
    title: str
    url: str
    asked: str
    words: str
    percent: int | None
    is_going: bool
    files: list[FileLink]
    cancel_url: str


def export_page(job: BulkExport) -> ExportView:
    asked = timezone.localtime(job.requested_at).strftime("%-d %B %Y at %H:%M")
    percent = (100 * job.written // job.total) if job.total and job.status == BulkExport.Status.RUNNING else None
    files = [
        FileLink(
            label=f"{f['type']}: {f['count']:,} {'resource' if f['count'] == 1 else 'resources'}",
            url=reverse("fhir_exports:file", args=[job.pk, f["type"]]),
        )
        for f in job.files
        if job.status == BulkExport.Status.DONE
    ]
    return ExportView(
        title="Your export of every plan you can see",
        url=reverse("fhir_exports:progress", args=[job.pk]),
        asked=asked,
        words=exports.progress_words(job),
        percent=percent,
        is_going=job.is_going,
        files=files,
        cancel_url=reverse("fhir_exports:cancel", args=[job.pk]),
    )


def exports_page(user: User) -> list[ExportView]:
    return [export_page(job) for job in exports.mine(user)[:SHOWN]]
