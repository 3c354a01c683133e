"""What every row about a person reads through: visible exactly when that person is."""

from typing import Self, TypeVar

from django.db import models
from django.db.models.expressions import RawSQL

from livingplan.accounts.models import User
from livingplan.core.viewer import Viewer, active_user


def visible_ids(user: User) -> RawSQL:
    """`visibility.visible_person_ids`, imported when first asked: the rule names the tables of the
    models built on these querysets, so it cannot be imported before they are."""
    from livingplan.people.models.visibility import visible_person_ids

    return visible_person_ids(user)


_Row = TypeVar("_Row", bound=models.Model)


class ForPersonQuerySet(models.QuerySet[_Row]):
    """Rows that belong to one person are visible exactly when that person is."""

    def visible_to(self, viewer: Viewer) -> Self:
        user = active_user(viewer)
        if user is None:
            return self.none()
        return self.filter(person_id__in=visible_ids(user))
