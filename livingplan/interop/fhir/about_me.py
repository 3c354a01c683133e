"""About Me (the one-page profile) -> a QuestionnaireResponse against our own Questionnaire,
served at /fhir/r4/Questionnaire/about-me: one item per About Me section, one answer per
statement in it, in the person's words (accepted statements only: suggestions are not yet theirs)."""

from typing import Any

from livingplan.interop.fhir.codes import reference
from livingplan.people.models import Person
from livingplan.plans.models import Plan, Statement
from livingplan.plans.sections import ABOUT_ME_SECTIONS, Section

QUESTIONNAIRE_ID = "about-me"


def canonical(base: str) -> str:
    return f"{base}/Questionnaire/{QUESTIONNAIRE_ID}"


def questionnaire(base: str) -> dict[str, Any]:
    return {
        "resourceType": "Questionnaire",
        "id": QUESTIONNAIRE_ID,
        "url": canonical(base),
        "name": "AboutMe",
        "title": "About me: my one-page profile",
        "status": "active",
        "subjectType": ["Patient"],
        "description": "What matters to the person and how to support them well, in their own words "
        "(the PRSB About Me standard's sections, in this service's words).",
        "item": [
            {"linkId": str(s), "text": Section(s).label, "type": "text", "repeats": True} for s in ABOUT_ME_SECTIONS
        ],
    }


def to_fhir(
    plan: Plan, person: Person, statements: list[Statement], *, base: str, suggested: bool = False
) -> dict[str, Any] | None:
    """None when there is nothing to say. `suggested`: the words others suggested for the person's
    About Me, waiting for them to accept (ADR-025), as a second response `in-progress`, the way a
    suggested outcome is a `proposed` Goal; the person's own are the `completed` one."""
    if not statements:
        return None
    items = [
        {
            "linkId": str(section),
            "text": Section(section).label,
            "answer": [{"valueString": s.text} for s in statements if s.section == section],
        }
        for section in ABOUT_ME_SECTIONS
        if any(s.section == section for s in statements)
    ]
    return {
        "resourceType": "QuestionnaireResponse",
        "id": f"{plan.pk}-about-me-suggested" if suggested else f"{plan.pk}-about-me",
        "questionnaire": canonical(base),
        "status": "in-progress" if suggested else "completed",
        "subject": reference("Patient", person.pk, person.full_name),
        "authored": max(s.contributed_at for s in statements).isoformat(),
        "author": None if suggested else reference("Patient", person.pk, person.full_name),
        "item": items,
    }


def is_about_me(resource: dict[str, Any]) -> bool:
    return str(resource.get("questionnaire") or "").endswith(f"/Questionnaire/{QUESTIONNAIRE_ID}")


def from_fhir(resource: dict[str, Any]) -> list[tuple[str, str]]:
    """(section, words) for each answer to an About Me item; other items are not ours to place."""
    found = []
    for item in resource.get("item") or []:
        section = str(item.get("linkId") or "")
        if section not in ABOUT_ME_SECTIONS:
            continue
        found += [(section, str(a["valueString"])) for a in item.get("answer") or [] if a.get("valueString")]
    return found
