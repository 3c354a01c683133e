"""Who gets which document: the same people who see the plan, and the download of everything only the person.

The rows below are the ones `tests/unit/test_access_matrix.py` needs for these URLs.
"""

from collections.abc import Callable

import pytest
from django.test import Client

from livingplan.people.models import InformationFormat
from livingplan.plans import services as plans
from livingplan.plans.sections import SharingGroup
from tests.documents.conftest import AlexPlan, record_format
from tests.personas import PERSONAS

ANONYMOUS = "anonymous"
SEES_ALEX = {"alex": 200, "sam": 200, "priya": 200, "dr.jones": 200, "morgan": 200, "quinn": 200}


def signed_in(status: int, **overrides: int) -> dict[str, int]:
    return {ANONYMOUS: 302, **dict.fromkeys(PERSONAS, status), **overrides}


DOCUMENTS = {
    "plan/easy-read/": signed_in(404, **SEES_ALEX),
    "plan/large-print/": signed_in(404, **SEES_ALEX),
    "plan/print/": signed_in(404, **SEES_ALEX),
    "plan.pdf": signed_in(404, **SEES_ALEX),
    "about-me.pdf": signed_in(404, **SEES_ALEX),
    # Only Alex downloads everything held about Alex; staff use the subject access process.
    "export.zip": signed_in(404, alex=200),
}


@pytest.mark.parametrize("path", DOCUMENTS)
def test_each_persona_gets_the_expected_status_at(
    alex_plan: AlexPlan, client_for: Callable[[str], Client], path: str
) -> None:
    url = alex_plan.url(path)
    responses = {who: (Client() if who == ANONYMOUS else client_for(who)).get(url) for who in DOCUMENTS[path]}

    assert {who: r.status_code for who, r in responses.items()} == DOCUMENTS[path]
    assert responses[ANONYMOUS]["Location"].startswith("/sign-in/?next=")


def test_omar_gets_404_on_every_document_in_every_format(alex_plan: AlexPlan, client_for) -> None:
    omar = client_for("omar")
    for path in DOCUMENTS:
        for query in ("", "?format=standard", "?format=easy-read", "?format=large-print"):
            assert omar.get(alex_plan.url(path) + query).status_code == 404, path + query


def test_documents_are_404_when_there_is_no_plan_but_the_person_can_still_download_their_record(
    world, client_for
) -> None:
    alex = client_for("alex")
    for path in ("plan/easy-read/", "plan/large-print/", "plan/print/", "plan.pdf", "about-me.pdf"):
        assert alex.get(f"/people/{world.alex_record.pk}/{path}").status_code == 404, path
    assert alex.get(f"/people/{world.alex_record.pk}/export.zip").status_code == 200


def test_the_one_page_profile_pdf_is_404_for_someone_alex_has_not_shared_it_with(
    alex_plan: AlexPlan, client_for
) -> None:
    world = alex_plan.world
    sam_row = world.alex_record.circle.get(user=world.sam)
    plans.set_sharing(
        world.alex_record, by=world.alex, group=SharingGroup.ABOUT_ME, is_shared=False, circle_member=sam_row
    )

    assert client_for("sam").get(alex_plan.url("about-me.pdf")).status_code == 404
    assert client_for("priya").get(alex_plan.url("about-me.pdf")).status_code == 200


def test_an_unknown_format_is_404(alex_plan: AlexPlan, client_for) -> None:
    record_format(alex_plan.world, InformationFormat.BRAILLE)
    alex = client_for("alex")
    assert alex.get(alex_plan.url("plan.pdf?format=braille")).status_code == 404
    assert alex.get(alex_plan.url("plan/print/?format=tiny")).status_code == 404
    # Braille is recorded, but a page cannot become braille: standard print is what staff transcribe from.
    assert alex.get(alex_plan.url("plan/print/")).status_code == 200
