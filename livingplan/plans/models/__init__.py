"""The one living plan: statements, outcomes, actions, risks, versions and sharing choices.

Every table carries `person_id`, the natural key for sharding later. Django finds the models
here, so every one is imported into this package:

- `plan`: the plan, its lifecycle moves, agreed versions and signatures, and sharing choices;
- `content`: what the plan says (statements, outcomes, progress, actions, risks, disagreements,
  linked plans), each recording who contributed it and whether it is in the person's own words;
- `voice`: notes between reviews, who writes for the person, and every edit to their words.
"""

from livingplan.plans.models.content import (
    FINISHED_ACTION_STATUSES,
    IMPORTANCE_WORDS,
    Action,
    ActionStatus,
    Contribution,
    Disagreement,
    Layer,
    LinkedPlan,
    Outcome,
    OwnVoice,
    ProgressScore,
    Risk,
    Statement,
    StatementStatus,
)
from livingplan.plans.models.plan import (
    DUE_DATE,
    NEXT_REVIEW_DATE,
    PROGRESS_DATE,
    START_DATE,
    AgreedAs,
    ContributorKind,
    ForPlanQuerySet,
    Plan,
    PlanQuerySet,
    PlanStatus,
    PlanStatusChange,
    PlanVersion,
    SharingChoice,
    Signature,
)
from livingplan.plans.models.voice import NOTE_MAX_LENGTH, ContentEdit, EditKind, PlanNote, WritesForPerson

__all__ = [
    "DUE_DATE",
    "FINISHED_ACTION_STATUSES",
    "IMPORTANCE_WORDS",
    "NEXT_REVIEW_DATE",
    "NOTE_MAX_LENGTH",
    "PROGRESS_DATE",
    "START_DATE",
    "Action",
    "ActionStatus",
    "AgreedAs",
    "ContentEdit",
    "Contribution",
    "ContributorKind",
    "Disagreement",
    "EditKind",
    "ForPlanQuerySet",
    "Layer",
    "LinkedPlan",
    "Outcome",
    "OwnVoice",
    "Plan",
    "PlanNote",
    "PlanQuerySet",
    "PlanStatus",
    "PlanStatusChange",
    "PlanVersion",
    "ProgressScore",
    "Risk",
    "SharingChoice",
    "Signature",
    "Statement",
    "StatementStatus",
    "WritesForPerson",
]
