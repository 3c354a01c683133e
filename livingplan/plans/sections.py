"""The parts of a living plan, and which of them each audience sees unless the person says otherwise.

Pure data: no ORM. Sharing is decided per *section group*, the unit a person chooses to share.
"""

from django.db import models

from livingplan.people.record_parts import RecordPart


class Section(models.TextChoices):
    """Where a free-text statement sits in the plan or the one-page profile."""

    # About Me (one-page profile)
    ABOUT_MATTERS_MOST = "ABOUT_MATTERS_MOST", "What matters most to me"
    ABOUT_IMPORTANT_PEOPLE = "ABOUT_IMPORTANT_PEOPLE", "People who are important to me"
    ABOUT_COMMUNICATION = "ABOUT_COMMUNICATION", "How I communicate and how to communicate with me"
    ABOUT_WELLNESS = "ABOUT_WELLNESS", "My wellness"
    ABOUT_PLEASE_DO = "ABOUT_PLEASE_DO", "Please do"
    ABOUT_PLEASE_DONT = "ABOUT_PLEASE_DONT", "Please don't"
    ABOUT_HOW_TO_SUPPORT = "ABOUT_HOW_TO_SUPPORT", "How and when to support me"
    ABOUT_ALSO_KNOW = "ABOUT_ALSO_KNOW", "Also worth knowing about me"
    # The plan
    WHAT_MATTERS = "WHAT_MATTERS", "What matters to me"
    STRENGTHS_MINE = "STRENGTHS_MINE", "My strengths and what I can do"
    STRENGTHS_FAMILY = "STRENGTHS_FAMILY", "What my family and friends can do"
    STRENGTHS_COMMUNITY = "STRENGTHS_COMMUNITY", "What my community offers"
    NEEDS = "NEEDS", "My needs"
    ELIGIBLE_NEEDS = "ELIGIBLE_NEEDS", "Assessed eligible needs for social care"
    GOING_WELL = "GOING_WELL", "How we will know it is going well"
    CRISIS_WARNING_SIGNS = "CRISIS_WARNING_SIGNS", "Early warning signs"
    CRISIS_WHAT_HELPS = "CRISIS_WHAT_HELPS", "What helps"
    CRISIS_AVOID = "CRISIS_AVOID", "What to avoid"
    CRISIS_CONTACTS = "CRISIS_CONTACTS", "Who to contact and how"
    CRISIS_MEDICINES = "CRISIS_MEDICINES", "Medicines and equipment"


class SharingGroup(models.TextChoices):
    """What a person chooses to share, a group of sections at a time."""

    ABOUT_ME = "ABOUT_ME", "About me (one-page profile)"
    WHAT_MATTERS = "WHAT_MATTERS", "What matters to me and my strengths"
    NEEDS = "NEEDS", "My needs"
    OUTCOMES = "OUTCOMES", "My outcomes and actions"
    RISKS = "RISKS", "Risks and how we agreed to handle them"
    CRISIS = "CRISIS", "My contingency and crisis plan"
    REVIEW = "REVIEW", "How my plan is reviewed"
    BUDGET = "BUDGET", "My personal budget"
    LINKED_PLANS = "LINKED_PLANS", "My other plans"
    # Parts of the record, not the plan (ADR-023): the record page, the API and exports follow them.
    PERSONAL_DETAILS = RecordPart.PERSONAL_DETAILS.value, "My personal details (date of birth, NHS number, address, GP)"
    CAPACITY = RecordPart.CAPACITY.value, "Decisions about my capacity, advocacy and who can act for me"


SECTION_GROUP: dict[str, str] = {
    **{s: SharingGroup.ABOUT_ME for s in Section if s.startswith("ABOUT_")},
    Section.WHAT_MATTERS: SharingGroup.WHAT_MATTERS,
    Section.STRENGTHS_MINE: SharingGroup.WHAT_MATTERS,
    Section.STRENGTHS_FAMILY: SharingGroup.WHAT_MATTERS,
    Section.STRENGTHS_COMMUNITY: SharingGroup.WHAT_MATTERS,
    Section.NEEDS: SharingGroup.NEEDS,
    Section.ELIGIBLE_NEEDS: SharingGroup.NEEDS,
    Section.GOING_WELL: SharingGroup.OUTCOMES,
    **{s: SharingGroup.CRISIS for s in Section if s.startswith("CRISIS_")},
}

ABOUT_ME_SECTIONS = [s for s in Section if s.startswith("ABOUT_")]
STRENGTH_SECTIONS = [Section.STRENGTHS_MINE, Section.STRENGTHS_FAMILY, Section.STRENGTHS_COMMUNITY]
CRISIS_SECTIONS = [s for s in Section if s.startswith("CRISIS_")]

# The person's own voice (ADR-025): first-person sections where what anyone else writes is a
# suggestion until the person (or, if they lack capacity to agree the plan, their attorney or
# deputy) accepts it, unless the person named them a supporter who may write for them. Outcomes,
# in the person's words, follow the same rule. "What my family and friends can do" and "What my
# community offers" are others' offers of help, and needs and risks are practitioners' records:
# those stay direct and attributed.
OWN_VOICE_SECTIONS = frozenset({*ABOUT_ME_SECTIONS, Section.WHAT_MATTERS, Section.STRENGTHS_MINE})

ALL_GROUPS = frozenset(SharingGroup)

# Without a choice from the person: the care team sees everything it needs to support them;
# the circle sees the person-facing parts, never needs, risks or money, and of the record only the
# person's name and how to contact them (ADR-023). The person can change both.
DEFAULT_FOR_CARE_TEAM = ALL_GROUPS
DEFAULT_FOR_CIRCLE = frozenset(
    {SharingGroup.ABOUT_ME, SharingGroup.WHAT_MATTERS, SharingGroup.OUTCOMES, SharingGroup.REVIEW}
)
DEFAULTS_EXPLAINED = {
    "care_team": "Your care team can see your whole plan, so they can support you. You can hide any part.",
    "circle": (
        "People in your circle see your one-page profile, what matters to you, your outcomes and actions, "
        "and when your plan is reviewed. From your record they see your name, how to contact you and who is in "
        "your circle, but not your date of birth, NHS number, address or GP, nor decisions about your capacity, "
        "advocacy or who can act for you. They do not see your needs, risks, crisis plan or budget unless you say so."
    ),
}
