"""Issue 8 #4: one large PDF held a web worker for 22 s and six stalled `/healthz` for 48 s.

PDFs and the subject access ZIP are made by a task. The other tests here run with the Immediate
backend (the task runs inside the request, so the file comes straight back); these switch to the
Dummy backend, which only queues, to see what a person sees while the worker is busy, then run
the queued task as the worker would.
"""

import datetime as dt
import io
import zipfile
from collections.abc import Callable

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from django_tasks import default_task_backend

from livingplan.core.models import AuditEvent
from livingplan.documents import rendering
from livingplan.documents.models import MadeDocument
from livingplan.documents.presenters import Document
from livingplan.plans import services as plans
from livingplan.plans.sections import SharingGroup
from tests.documents.conftest import OUTCOME, RISK, AlexPlan, pdf_text, record_format


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The title of every PDF WeasyPrint is asked to make."""
    made: list[str] = []
    real = rendering.document_pdf

    def counting(doc: Document) -> bytes:
        made.append(doc.title)
        return real(doc)

    monkeypatch.setattr(rendering, "document_pdf", counting)
    return made


def test_a_pdf_not_yet_made_answers_at_once_with_a_being_made_page_then_the_file(
    alex_plan: AlexPlan, client_for: Callable[[str], Client], worker_busy: Callable[[], int]
) -> None:
    priya = client_for("priya")

    waiting = priya.get(alex_plan.url("plan.pdf"))

    assert waiting.status_code == 202
    assert waiting["Content-Type"].startswith("text/html")
    page = waiting.content.decode()
    assert "<h1>Your PDF of the plan is being made</h1>" in page
    assert f'<a href="{alex_plan.url("plan.pdf")}">Check if it is ready</a>' in page
    assert 'role="status" aria-live="polite"' in page
    assert "http-equiv" not in page.lower()  # no meta refresh (WCAG 2.2.1)
    assert not AuditEvent.objects.filter(action="plans.plan.exported").exists()
    seen = AuditEvent.objects.get(action="documents.document.viewed")
    assert (seen.actor, seen.person_id, seen.detail["ready"]) == (
        alex_plan.world.priya,
        alex_plan.plan.person_id,
        False,
    )

    # htmx's poll: nothing to swap while it is being made; a link in the live region once it is.
    assert priya.get(alex_plan.url("plan.pdf"), headers={"HX-Request": "true"}).status_code == 204
    assert worker_busy() == 1  # asking again queued nothing more
    ready = priya.get(alex_plan.url("plan.pdf"), headers={"HX-Request": "true"})
    assert ready.status_code == 200
    assert f'<a href="{alex_plan.url("plan.pdf")}">Download your PDF of the plan</a>' in ready.content.decode()
    assert not AuditEvent.objects.filter(action="plans.plan.exported").exists()

    download = priya.get(alex_plan.url("plan.pdf"))

    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Cache-Control"] == "private, no-store"
    assert OUTCOME in pdf_text(download.content)
    exported = AuditEvent.objects.get(action="plans.plan.exported")
    assert exported.actor == alex_plan.world.priya
    assert exported.detail["document"] == "plan"


def test_the_being_made_page_keeps_the_chosen_format_in_its_check_link(
    alex_plan: AlexPlan, client_for: Callable[[str], Client], worker_busy: Callable[[], int]
) -> None:
    page = client_for("sam").get(alex_plan.url("about-me.pdf?format=easy-read")).content.decode()
    assert "Your PDF of the one-page profile is being made" in page
    assert f'href="{alex_plan.url("about-me.pdf?format=easy-read")}">Check if it is ready' in page


def test_a_made_pdf_is_served_again_until_the_plan_changes(
    alex_plan: AlexPlan, client_for: Callable[[str], Client], renders: list[str]
) -> None:
    priya = client_for("priya")
    first = priya.get(alex_plan.url("plan.pdf")).content
    again = priya.get(alex_plan.url("plan.pdf")).content

    assert renders == ["Plan for Alex Carter"]
    assert again == first
    assert AuditEvent.objects.filter(action="plans.plan.exported").count() == 2  # every download is audited

    plans.start_review(alex_plan.plan, by=alex_plan.world.alex)
    plans.add_statement(alex_plan.plan, by=alex_plan.world.alex, section="GOING_WELL", text="Seeing my sister")
    changed = priya.get(alex_plan.url("plan.pdf")).content

    assert len(renders) == 2
    assert "Seeing my sister" in pdf_text(changed)
    assert MadeDocument.objects.filter(viewer=alex_plan.world.priya).count() == 1  # the old one is gone


def test_each_format_and_document_is_made_once(
    alex_plan: AlexPlan, client_for: Callable[[str], Client], renders: list[str]
) -> None:
    priya = client_for("priya")
    for path in ("plan.pdf", "plan.pdf?format=large-print", "about-me.pdf", "plan.pdf", "about-me.pdf"):
        assert priya.get(alex_plan.url(path)).status_code == 200
    assert sorted(renders) == [
        "One-page profile for Alex Carter",
        "Plan for Alex Carter",
        "Plan for Alex Carter (large print)",
    ]


def test_a_pdf_made_for_one_viewer_is_never_served_to_another(
    alex_plan: AlexPlan, client_for: Callable[[str], Client], renders: list[str]
) -> None:
    priyas = client_for("priya").get(alex_plan.url("plan.pdf")).content
    sams = client_for("sam").get(alex_plan.url("plan.pdf")).content

    assert len(renders) == 2
    assert RISK in pdf_text(priyas)
    assert RISK not in pdf_text(sams)  # risks are not shared with Sam
    made = MadeDocument.objects.order_by("pk")
    assert [m.viewer for m in made] == [alex_plan.world.priya, alex_plan.world.sam]
    assert len({m.key for m in made}) == 2
    assert list(MadeDocument.objects.visible_to(alex_plan.world.sam)) == [made[1]]


def test_a_pdf_is_made_again_when_what_the_viewer_may_see_changes(
    alex_plan: AlexPlan, client_for: Callable[[str], Client], renders: list[str]
) -> None:
    world = alex_plan.world
    sam = client_for("sam")
    assert OUTCOME in pdf_text(sam.get(alex_plan.url("plan.pdf")).content)

    sams_membership = world.alex_record.circle.get(user=world.sam)
    plans.set_sharing(
        world.alex_record, by=world.alex, group=SharingGroup.OUTCOMES, is_shared=False, circle_member=sams_membership
    )

    assert OUTCOME not in pdf_text(sam.get(alex_plan.url("plan.pdf")).content)
    assert len(renders) == 2


def test_someone_who_can_no_longer_see_the_plan_gets_nothing_from_a_queued_task(
    alex_plan: AlexPlan, client_for: Callable[[str], Client], worker_busy: Callable[[], int]
) -> None:
    world = alex_plan.world
    assert client_for("sam").get(alex_plan.url("plan.pdf")).status_code == 202
    world.alex_record.circle.filter(user=world.sam).update(has_access=False)

    worker_busy()

    made = MadeDocument.objects.get(viewer=world.sam)
    assert made.status == MadeDocument.Status.FAILED
    assert made.content is None
    assert client_for("sam").get(alex_plan.url("plan.pdf")).status_code == 404


def test_a_pdf_that_could_not_be_made_says_so_to_the_poll_and_is_tried_again_when_asked(
    alex_plan: AlexPlan, client_for: Callable[[str], Client], worker_busy: Callable[[], int], monkeypatch
) -> None:
    priya = client_for("priya")
    assert priya.get(alex_plan.url("plan.pdf")).status_code == 202
    monkeypatch.setattr(rendering, "document_pdf", lambda doc: 1 / 0)
    worker_busy()
    assert MadeDocument.objects.get().status == MadeDocument.Status.FAILED

    poll = priya.get(alex_plan.url("plan.pdf"), headers={"HX-Request": "true"})

    assert poll.status_code == 200
    assert f'could not be made. <a href="{alex_plan.url("plan.pdf")}">Try again</a>' in poll.content.decode()
    assert worker_busy() == 0  # the poll did not queue it again (it would, every 3 s)
    monkeypatch.undo()
    assert priya.get(alex_plan.url("plan.pdf")).status_code == 202  # the person asking again does
    assert worker_busy() == 1
    assert priya.get(alex_plan.url("plan.pdf"))["Content-Type"] == "application/pdf"


def test_a_pdf_left_waiting_by_a_killed_worker_is_asked_for_again(
    alex_plan: AlexPlan, client_for: Callable[[str], Client], worker_busy: Callable[[], int]
) -> None:
    priya = client_for("priya")
    assert priya.get(alex_plan.url("plan.pdf")).status_code == 202
    default_task_backend.clear()  # type: ignore[attr-defined]  # the worker died with it

    assert priya.get(alex_plan.url("plan.pdf")).status_code == 202
    assert worker_busy() == 0  # a minute later it is still just slow: not queued twice
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=6)):
        assert priya.get(alex_plan.url("plan.pdf")).status_code == 202
        assert worker_busy() == 1
        assert priya.get(alex_plan.url("plan.pdf")).status_code == 200


def test_the_export_is_made_in_the_background_too(
    alex_plan: AlexPlan, client_for: Callable[[str], Client], worker_busy: Callable[[], int]
) -> None:
    alex = client_for("alex")
    waiting = alex.get(alex_plan.url("export.zip"))
    assert waiting.status_code == 202
    assert "Your download of everything held about you is being made" in waiting.content.decode()
    assert not AuditEvent.objects.filter(action="people.record.exported").exists()

    worker_busy()
    download = alex.get(alex_plan.url("export.zip"))

    assert download.status_code == 200
    assert download["Content-Type"] == "application/zip"
    assert "plan.pdf" in zipfile.ZipFile(io.BytesIO(download.content)).namelist()
    assert AuditEvent.objects.filter(action="people.record.exported").count() == 1


def test_the_export_is_made_again_after_a_change_to_the_record(
    alex_plan: AlexPlan, client_for: Callable[[str], Client], renders: list[str]
) -> None:
    alex = client_for("alex")
    alex.get(alex_plan.url("export.zip"))
    alex.get(alex_plan.url("export.zip"))
    assert len(renders) == 2  # the plan and the one-page profile, once

    record_format(alex_plan.world, "LARGE_PRINT")
    alex.get(alex_plan.url("export.zip"))
    assert len(renders) == 4
