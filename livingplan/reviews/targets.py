"""The targets an organisation sets, read from settings with the issue's defaults (ADR-040).

Decision targets are working days (`core.workdays`): safeguarding the same day (0), medication 2,
everything else 10. Reviews: a light-touch one some weeks after the first agreement (8), then at
least every six months, never more than twelve apart (the Care Act's outer limit).
"""

from typing import Any

from django.conf import settings

from livingplan.reviews.models.review import UnplannedReason
from livingplan.reviews.models.triggers import TriggerCategory

DEFAULT_DECISION_DAYS = {TriggerCategory.SAFEGUARDING.value: 0, TriggerCategory.MEDICATION.value: 2}
OTHERS_DECISION_DAYS = 10
MOST_MONTHS = 12  # the law's outer limit: no setting or choice goes past it


def _setting(name: str, default: Any) -> Any:
    return getattr(settings, name, default)


def decision_days(category: str) -> int:
    """Working days to decide whether a trigger of this category means the plan must change."""
    chosen = {**DEFAULT_DECISION_DAYS, **_setting("REVIEWS_DECISION_TARGET_DAYS", {})}
    return int(chosen.get(category, _setting("REVIEWS_OTHERS_DECISION_TARGET_DAYS", OTHERS_DECISION_DAYS)))


def update_days() -> int:
    """Working days from a decision to update the plan to the new version being agreed."""
    return int(_setting("REVIEWS_UPDATE_TARGET_DAYS", 20))


def answer_days() -> int:
    """Working days to answer a request for a review."""
    return int(_setting("REVIEWS_REQUEST_ANSWER_TARGET_DAYS", 5))


def first_review_weeks() -> int:
    return int(_setting("REVIEWS_FIRST_REVIEW_WEEKS", 8))


def months_between_reviews() -> int:
    return min(int(_setting("REVIEWS_EVERY_MONTHS", 6)), MOST_MONTHS)


def unplanned_reasons() -> list[tuple[str, str]]:
    """The default reasons for an unplanned review, then the organisation's own (value, label) pairs."""
    extra = [(str(value), str(label)) for value, label in _setting("REVIEWS_EXTRA_UNPLANNED_REASONS", [])]
    return [*UnplannedReason.choices, *extra]
