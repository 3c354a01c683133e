"""The product's own figures, offered as evidence beside areas of the self-assessment.

A registry: each figure is a function of the organisation assessed, named once with
`register_figure`. `freeze` computes them all when a round starts, and the round keeps the
result, so a later change in the figures never rewrites what a round was scored against.

Adding one: write a function here that reads the other app's models and decorate it, as the
figures from reviews (not overdue; changes decided in time) and budgets (signed off in time)
are. The self-assessment sits above reviews and budgets in the layers, so it
may import them; they need import nothing of ours (ADR-046).

Figures are counts over the organisation's people, never a person's own rows shown to anyone:
like `people.stats`, they read the tables directly rather than through `visible_to`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Max, Min, OuterRef, Q, Subquery
from django.utils import timezone

from livingplan.accounts.models import Organisation
from livingplan.budgets import clock as budget_clock
from livingplan.budgets import policy
from livingplan.budgets.models import DECIDED, Budget
from livingplan.notifications.models import OutboxMessage
from livingplan.notifications.models import Status as MessageStatus
from livingplan.plans.models import Outcome, Plan, PlanVersion, Statement, StatementStatus
from livingplan.reviews import clocks, schedule
from livingplan.reviews.models import ReviewCompletion, TriggerDecision


@dataclass(frozen=True)
class Figure:
    numerator: int
    denominator: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.numerator / self.denominator) if self.denominator else None


@dataclass(frozen=True)
class Registered:
    key: str
    label: str
    areas: tuple[str, ...]
    compute: Callable[[Organisation], Figure]


_REGISTRY: dict[str, Registered] = {}


def register_figure(
    key: str, *, label: str, areas: tuple[str, ...]
) -> Callable[[Callable[[Organisation], Figure]], Callable[[Organisation], Figure]]:
    """Name a figure, the words it is shown with, and the areas (instrument ids) it is evidence for."""

    def decorate(compute: Callable[[Organisation], Figure]) -> Callable[[Organisation], Figure]:
        _REGISTRY[key] = Registered(key=key, label=label, areas=areas, compute=compute)
        return compute

    return decorate


def registered() -> list[Registered]:
    return list(_REGISTRY.values())


def freeze(organisation: Organisation) -> list[dict[str, object]]:
    """Every registered figure for `organisation`, now, as the round keeps them."""
    now = timezone.now().isoformat()
    frozen: list[dict[str, object]] = []
    for item in _REGISTRY.values():
        figure = item.compute(organisation)
        frozen.append(
            {
                "key": item.key,
                "label": item.label,
                "areas": list(item.areas),
                "numerator": figure.numerator,
                "denominator": figure.denominator,
                "percent": figure.percent,
                "computed_at": now,
            }
        )
    return frozen


@register_figure(
    "own_words",
    label="Entries in plans written in the person's own words",
    areas=("process.talk.what-matters", "process.talk.outcomes", "process.record.one-plan", "teams.talk.what-matters"),
)
def own_words(organisation: Organisation) -> Figure:
    in_plan = Q(person__lead_organisation=organisation, status=StatementStatus.ACCEPTED)
    statements = Statement.objects.filter(in_plan)
    outcomes = Outcome.objects.filter(in_plan)
    total = statements.count() + outcomes.count()
    own = statements.filter(in_own_words=True).count() + outcomes.filter(in_own_words=True).count()
    return Figure(numerator=own, denominator=total)


@register_figure(
    "plan_sent_their_way",
    label="Agreed plans sent to the person the way they asked for (their channel and format)",
    areas=("process.record.one-plan", "process.review.options", "process.prepare.arrangements"),
)
def plan_sent_their_way(organisation: Organisation) -> Figure:
    # The agreed plan goes to the person as `plan_version`, by their channel and in their recorded
    # format (ADR-033); counted as delivered once the channel has taken it.
    agreed = set(
        PlanVersion.objects.filter(plan__person__lead_organisation=organisation).values_list("person_id", flat=True)
    )
    sent = set(
        OutboxMessage.objects.filter(
            template_key="plan_version",
            person_id__in=agreed,
            status__in=[MessageStatus.SENT, MessageStatus.DELIVERED],
        ).values_list("person_id", flat=True)
    )
    return Figure(numerator=len(sent), denominator=len(agreed))


@register_figure(
    "reviews_not_overdue",
    label="Agreed plans whose next planned review is not overdue",
    areas=("process.review.progress", "teams.review.progress"),
)
def reviews_not_overdue(organisation: Organisation) -> Figure:
    # The due date by the reviews app's own rule (`schedule.review_due_on`), from the same rows.
    plans = Plan.objects.filter(person__lead_organisation=organisation, versions__isnull=False).annotate(
        first_agreed=Min("versions__agreed_at"),
        last_agreed=Max("versions__agreed_at"),
        last_reviewed=Subquery(
            ReviewCompletion.objects.filter(person_id=OuterRef("person_id"))
            .order_by("-completed_at")
            .values("completed_at")[:1]
        ),
    )
    today = timezone.localdate()
    due = [
        schedule.review_due_on(
            first_agreed_on=timezone.localdate(first) if first else None,
            last_reviewed_on=timezone.localdate(last) if last else None,
            last_agreed_on=timezone.localdate(last_agreed) if last_agreed else None,
            plan_next_review_on=next_on,
        )
        for next_on, first, last_agreed, last in plans.values_list(
            "next_review_on", "first_agreed", "last_agreed", "last_reviewed"
        )
    ]
    dated = [day for day in due if day is not None]
    return Figure(numerator=sum(1 for day in dated if day >= today), denominator=len(dated))


@register_figure(
    "changes_decided_in_time",
    label="Changes in people's lives decided within their working-day target (decide whether the plan changes)",
    areas=("process.review.working", "teams.review.person-centred"),
)
def changes_decided_in_time(organisation: Organisation) -> Figure:
    # Decided ones only: a change still waiting has not yet met or missed its target.
    decided = TriggerDecision.objects.filter(person__lead_organisation=organisation).select_related("trigger")
    met = [
        clocks.decision_clock(category=d.trigger.category, raised_at=d.trigger.raised_at, decided_at=d.decided_at).met()
        for d in decided
    ]
    return Figure(numerator=sum(1 for m in met if m), denominator=len(met))


@register_figure(
    "budgets_signed_off_in_time",
    label="Personal budgets decided within the sign-off target in working days",
    areas=("process.act.personal-budget", "teams.act.personal-budget", "process.record.budget-agreement"),
)
def budgets_signed_off_in_time(organisation: Organisation) -> Figure:
    budgets = Budget.objects.filter(person__lead_organisation=organisation, status__in=DECIDED).prefetch_related(
        "status_changes"
    )
    now, target = timezone.now(), policy.target_days(organisation)
    found = [budget_clock.sign_off_clock(list(b.status_changes.all()), target_days=target, now=now) for b in budgets]
    decided = [f.clock for f in found if f.clock is not None and f.decided_at is not None]
    return Figure(numerator=sum(1 for c in decided if c.met()), denominator=len(decided))
