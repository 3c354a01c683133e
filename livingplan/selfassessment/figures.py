"""The product's own figures, offered as evidence beside areas of the self-assessment.

A registry: each figure is a function of the organisation assessed, named once with
`register_figure`. `freeze` computes them all when a round starts, and the round keeps the
result, so a later change in the figures never rewrites what a round was scored against.

Adding one (reviews on time, sign-off times): write a function here that reads the other app's
models and decorate it. The self-assessment sits above reviews and budgets in the layers, so it
may import them; they need import nothing of ours (ADR-046).

Figures are counts over the organisation's people, never a person's own rows shown to anyone:
like `people.stats`, they read the tables directly rather than through `visible_to`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from livingplan.accounts.models import Organisation
from livingplan.notifications.models import OutboxMessage
from livingplan.notifications.models import Status as MessageStatus
from livingplan.plans.models import Outcome, PlanVersion, Statement, StatementStatus


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
