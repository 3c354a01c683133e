"""What people said about a resource, as totals only, and only once enough have answered.

The answers are about people, but a total names nobody: this module counts every answer about a
resource (not only those the viewer may see) and hands back numbers, never rows, words or names.
Below `SHOW_FROM` answers nothing is shown at all. With three answers, someone who knows who was
sent to a small group could work out what each of them said; five is the smallest count that
official health and care statistics publish (NHS England and ONS suppress counts under five), so we
hold to the same line. The free words a person adds are never part of a total.
"""

from dataclasses import dataclass

from django.db.models import Count

from livingplan.community.models import Helped, HelpedAnswer, Resource

SHOW_FROM = 5


@dataclass(frozen=True)
class Totals:
    shown: bool
    answers: int  # 0 when not shown: even the count of a small number is not given
    yes: int = 0
    a_bit: int = 0
    no: int = 0

    @property
    def rows(self) -> list[tuple[str, int]]:
        return [(Helped.YES.label, self.yes), (Helped.A_BIT.label, self.a_bit), (Helped.NO.label, self.no)]


def suppressed(counts: dict[str, int]) -> Totals:
    """Pure: the totals to show for these counts of each answer (`Helped` value -> count)."""
    total = sum(counts.values())
    if total < SHOW_FROM:
        return Totals(shown=False, answers=0)
    return Totals(
        shown=True,
        answers=total,
        yes=counts.get(Helped.YES, 0),
        a_bit=counts.get(Helped.A_BIT, 0),
        no=counts.get(Helped.NO, 0),
    )


def totals_for(resource: Resource) -> Totals:
    # Counts across everyone, by design (see the module docstring): no row leaves this function.
    rows = HelpedAnswer.objects.filter(resource=resource).values("answer").annotate(n=Count("pk")).order_by()
    return suppressed({row["answer"]: row["n"] for row in rows})
