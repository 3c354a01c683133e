"""Domain verbs for personal budgets: the one write path (ADR-026). The demo and tests use these too."""

from livingplan.budgets.services.common import STALE, check
from livingplan.budgets.services.drafting import (
    NO_PLAN_YET,
    LineDetails,
    add_line,
    change_line,
    set_details,
    set_funding,
    set_route,
    start_budget,
    suspend_line,
)
from livingplan.budgets.services.panel import QUORUM, PanelOutcome, record_panel_decision
from livingplan.budgets.services.settings import Choices, set_sign_off_settings
from livingplan.budgets.services.signoff import (
    APPROVE,
    DECLINE,
    OWN_BUDGET,
    RETURN,
    assign_approver,
    decide_budget,
    record_first_payment,
    submit_budget,
)

__all__ = [
    "APPROVE",
    "DECLINE",
    "NO_PLAN_YET",
    "OWN_BUDGET",
    "QUORUM",
    "RETURN",
    "STALE",
    "Choices",
    "LineDetails",
    "PanelOutcome",
    "add_line",
    "assign_approver",
    "change_line",
    "check",
    "decide_budget",
    "record_first_payment",
    "record_panel_decision",
    "set_details",
    "set_funding",
    "set_route",
    "set_sign_off_settings",
    "start_budget",
    "submit_budget",
    "suspend_line",
]
