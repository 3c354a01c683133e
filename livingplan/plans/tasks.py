"""Bringing a plan into force on the later start date the person chose when agreeing it.

Run by `livingplan db_worker`: the task waits in the queue until the start of that day in
London time. If the worker was not running then, it runs as soon as it is; if the plan has
moved on (a review started, a newer version agreed) it does nothing (`services.bring_into_force`).
"""

import datetime as dt
import zoneinfo

from django.conf import settings
from django_tasks import task

from livingplan.core.audit_context import AuditContext
from livingplan.plans import services
from livingplan.plans.models import PlanVersion

# What the audit trail shows where a browser would show its user agent (ADR-029).
WORKER = "livingplan db_worker: plans.start_plan_version"


@task()
def start_plan_version(plan_id: int, number: int) -> bool:
    version = PlanVersion.objects.select_related("plan", "agreed_by").filter(plan_id=plan_id, number=number).first()
    if version is None:
        return False
    audit = AuditContext.for_system(actor=version.agreed_by, via=WORKER)
    return services.bring_into_force(version.plan, number, audit=audit)


def start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))


def schedule_start(plan_id: int, number: int, day: dt.date) -> None:
    task = start_plan_version.using(backend=settings.LATER_TASKS_BACKEND, run_after=start_of(day))
    task.enqueue(plan_id, number)
