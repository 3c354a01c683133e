"""Money typed in pounds becomes integer pence or a clear message; the dashboard's figures (median,
90th percentile by nearest rank, share within target) are the ones a manager would work out."""

import pytest

from livingplan.budgets import charts, figures, money


@pytest.mark.parametrize(
    ("typed", "pence"), [("24", 24_00), ("£24.5", 24_50), ("1,250.05", 1_250_05), (" £0 ", 0), ("8736", 8_736_00)]
)
def test_pounds_become_pence(typed: str, pence: int) -> None:
    assert money.parse_pounds(typed) == pence


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-5", "Enter an amount of £0 or more"),
        ("12.345", "Enter an amount in pounds and pence, like 25.50"),
        ("ten", "Enter an amount in pounds and pence, like 25.50"),
        ("1e6", "Enter an amount in pounds and pence, like 25.50"),
    ],
)
def test_what_is_not_money_is_refused_in_words(typed: str, message: str) -> None:
    with pytest.raises(money.NotMoney, match=message):
        money.parse_pounds(typed)


def test_pence_show_as_pounds() -> None:
    assert [money.pounds(p) for p in (0, 5, 8_736_00, -12_50)] == ["£0.00", "£0.05", "£8,736.00", "-£12.50"]


def _decided(days: int, *, team: str = "North", in_time: bool = True, paid: int | None = None) -> figures.Decided:
    return figures.Decided(
        team=team, month="2026-11", working_days=days, returned_days=0, in_time=in_time, to_first_payment=paid
    )


def test_the_figures_by_team_and_month() -> None:
    decided = [_decided(d, in_time=d <= 10) for d in (2, 4, 6, 8, 10, 12, 14, 16, 18, 20)]
    decided.append(_decided(3, team="South", paid=40))
    north, south = figures.rows(decided)
    assert (north.decided, north.median_days, north.p90_days, north.within_target_percent) == (10, 11.0, 18, 50)
    assert (south.team, south.paid, south.median_to_first_payment) == ("South", 1, 40.0)


def test_the_chart_is_an_image_with_a_title_and_no_script() -> None:
    svg = charts.bar_chart(title="Median <days>", bars=[("North 2026-11", 11.0)], unit="days", target=10)
    assert "<title>Median &lt;days&gt;</title>" in svg
    assert "<script" not in svg


def test_a_long_team_name_is_shown_whole_on_its_own_line_above_its_bar() -> None:
    svg = charts.bar_chart(title="Median", bars=[("Adult Social Care North, 2026-12", 3.0)], unit="days")
    assert '<text x="0" y="54">Adult Social Care North, 2026-12</text>' in svg
    assert '<rect x="0" y="60"' in svg  # the bar starts below the words, not across them
