"""What a budget adds up to, from its rows: pure sums, no queries of their own."""

from collections.abc import Iterable
from dataclasses import dataclass

from livingplan.budgets.models import NO_CHARGE, DeploymentRoute, FundingSource, SupportLine


@dataclass(frozen=True)
class Totals:
    weekly_pence: int
    yearly_pence: int
    funded_pence: int
    deployed_pence: int
    council_pence: int  # the share a contribution can come out of
    charges_nothing: bool  # every source is NHS or s.117: the person pays nothing


def totals(lines: Iterable[SupportLine], funding: Iterable[FundingSource], routes: Iterable[DeploymentRoute]) -> Totals:
    lines, funding = list(lines), list(funding)
    return Totals(
        weekly_pence=sum(line.weekly_pence for line in lines),
        yearly_pence=sum(line.yearly_pence for line in lines),
        funded_pence=sum(source.yearly_pence for source in funding),
        deployed_pence=sum(route.yearly_pence for route in routes),
        council_pence=sum(source.yearly_pence for source in funding if source.kind not in NO_CHARGE),
        charges_nothing=bool(funding) and all(source.kind in NO_CHARGE for source in funding),
    )
