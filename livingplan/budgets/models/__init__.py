"""Every model of the budgets app, re-exported: `from livingplan.budgets.models import Budget`."""

from livingplan.budgets.models.budget import (
    DECIDED,
    EDITABLE,
    NO_CHARGE,
    PAUSABLE,
    TRANSITIONS,
    WAITING,
    Budget,
    BudgetStatus,
    Deployment,
    DeploymentRoute,
    FundingKind,
    FundingSource,
)
from livingplan.budgets.models.lines import WEEKS_A_YEAR, LineOutcome, LineSuspension, SupportLine, Unit
from livingplan.budgets.models.panel import PanelDecision, PanelMember
from livingplan.budgets.models.settings import SecondTier, SignOffSettings
from livingplan.budgets.models.signoff import (
    ApproverAssignment,
    ApproverLevel,
    BudgetStatusChange,
    FirstPayment,
    Level,
    StartKind,
)

__all__ = [
    "DECIDED",
    "EDITABLE",
    "NO_CHARGE",
    "PAUSABLE",
    "TRANSITIONS",
    "WAITING",
    "WEEKS_A_YEAR",
    "ApproverAssignment",
    "ApproverLevel",
    "Budget",
    "BudgetStatus",
    "BudgetStatusChange",
    "Deployment",
    "DeploymentRoute",
    "FirstPayment",
    "FundingKind",
    "FundingSource",
    "Level",
    "LineOutcome",
    "LineSuspension",
    "PanelDecision",
    "PanelMember",
    "SecondTier",
    "SignOffSettings",
    "StartKind",
    "SupportLine",
    "Unit",
]
