"""The targets that apply to a person: their lead organisation's `ReviewPolicy`, or the deployment's
defaults from settings (`REVIEWS_*`) when it has set none (ADR-040, ADR-049).

Decision targets are working days (`core.workdays`): safeguarding the same day (0), medication 2,
everything else 10. Reviews: a light-touch one some weeks after the first agreement (8), then at
least every six months, never more than twelve apart (the Care Act's outer limit).

Pages about one person read one policy (`for_person`, one query); lists read every organisation's
at once (`by_organisation`, one query); the caseload reads the fields it needs in its own query
(`latest`, a subquery), so no list costs a query per person.
"""

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.db.models import JSONField, OuterRef, Subquery

from livingplan.people.models import Person
from livingplan.reviews.models import MOST_MONTHS, ReviewPolicy, TriggerCategory, UnplannedReason

__all__ = ["MOST_MONTHS", "Policy", "by_organisation", "default", "for_organisation", "for_person", "latest"]

DEFAULT_DECISION_DAYS = {TriggerCategory.SAFEGUARDING.value: 0, TriggerCategory.MEDICATION.value: 2}
OTHERS_DECISION_DAYS = 10


@dataclasses.dataclass(frozen=True)
class Policy:
    every_months: int  # planned reviews at least this often; never more than 12
    first_review_weeks: int  # the light-touch review after the plan is first agreed
    decision_days: Mapping[str, int]  # per trigger category, working days to decide
    answer_days: int  # working days to answer a request for a review
    update_days: int  # working days from a decision to update the plan to the new version agreed
    extra_reasons: tuple[tuple[str, str], ...] = ()  # (value, label) the organisation adds
    organisation_id: int | None = None  # None: the deployment's defaults

    def days_to_decide(self, category: str) -> int:
        return int(self.decision_days.get(category, OTHERS_DECISION_DAYS))

    def unplanned_reasons(self) -> list[tuple[str, str]]:
        """The fixed reasons for an unplanned review, then the organisation's own."""
        return [*UnplannedReason.choices, *self.extra_reasons]

    def with_values(self, **found: Any) -> "Policy":
        """This policy with the fields a query found in place of these (None: not set, keep the default)."""
        chosen = {name: value for name, value in found.items() if value is not None}
        if "decision_days" in chosen:  # a stored policy names every category; merging keeps any it does not
            chosen["decision_days"] = {
                **self.decision_days,
                **{str(k): int(v) for k, v in chosen["decision_days"].items()},
            }
        return dataclasses.replace(self, **chosen)


def _setting(name: str, default: Any) -> Any:
    return getattr(settings, name, default)


def default() -> Policy:
    """The deployment's defaults: read from settings each time, so a test's override is seen."""
    chosen = {**DEFAULT_DECISION_DAYS, **_setting("REVIEWS_DECISION_TARGET_DAYS", {})}
    others = int(_setting("REVIEWS_OTHERS_DECISION_TARGET_DAYS", OTHERS_DECISION_DAYS))
    return Policy(
        every_months=min(int(_setting("REVIEWS_EVERY_MONTHS", 6)), MOST_MONTHS),
        first_review_weeks=int(_setting("REVIEWS_FIRST_REVIEW_WEEKS", 8)),
        decision_days={category: int(chosen.get(category, others)) for category in TriggerCategory.values},
        answer_days=int(_setting("REVIEWS_REQUEST_ANSWER_TARGET_DAYS", 5)),
        update_days=int(_setting("REVIEWS_UPDATE_TARGET_DAYS", 20)),
        extra_reasons=tuple((str(v), str(label)) for v, label in _setting("REVIEWS_EXTRA_UNPLANNED_REASONS", [])),
    )


def of_row(row: ReviewPolicy) -> Policy:
    base = default()
    return Policy(
        every_months=min(row.every_months, MOST_MONTHS),
        first_review_weeks=row.first_review_weeks,
        decision_days={**base.decision_days, **{str(k): int(v) for k, v in dict(row.decision_days).items()}},
        answer_days=row.answer_days,
        update_days=row.update_days,
        extra_reasons=tuple((str(value), str(label)) for value, label in row.extra_reasons),
        organisation_id=row.organisation_id,
    )


def for_organisation(organisation_id: int | None) -> Policy:
    """The organisation's newest policy, or the defaults: one query."""
    row = ReviewPolicy.objects.filter(organisation_id=organisation_id).first() if organisation_id else None
    return of_row(row) if row is not None else dataclasses.replace(default(), organisation_id=organisation_id)


def for_person(person: Person) -> Policy:
    """The policy of the organisation leading the person's care."""
    return for_organisation(person.lead_organisation_id)


def by_organisation(organisation_ids: Iterable[int] | None = None) -> dict[int, Policy]:
    """Each organisation's newest policy, in one query; an organisation not in it takes `default()`."""
    rows = ReviewPolicy.objects.order_by("organisation_id", "-set_at", "-pk")
    if organisation_ids is not None:
        rows = rows.filter(organisation_id__in=list(organisation_ids))
    found: dict[int, Policy] = {}
    for row in rows:
        found.setdefault(row.organisation_id, of_row(row))
    return found


def latest(organisation: str, field: str) -> Subquery:
    """For an annotation: `field` of the newest policy of the organisation at `organisation` (a lookup
    path to its id, such as "person__lead_organisation_id"); NULL where it has none."""
    newest = ReviewPolicy.objects.filter(organisation_id=OuterRef(organisation)).order_by("-set_at", "-pk")
    if field in ("decision_days", "extra_reasons"):
        return Subquery(newest.values(field)[:1], output_field=JSONField())
    return Subquery(newest.values(field)[:1])
