"""The plan and the one-page profile as PDFs: tagged, titled, in English, in the person's format."""

from livingplan.core.models import AuditEvent
from livingplan.people.models import InformationFormat
from tests.documents.conftest import (
    ABOUT_ME,
    ACTION,
    CRISIS,
    NEEDS,
    OUTCOME,
    RISK,
    SUGGESTION,
    WHAT_MATTERS,
    AlexPlan,
    pdf_info,
    pdf_objects,
    pdf_text,
    pdf_word_heights,
    record_format,
)

# Liberation Sans's boxes are about 1.12 times the font size: 18pt text makes boxes 20pt high.
EIGHTEEN_POINT_BOX = 18 * 1.1


def test_the_plan_pdf_is_a_tagged_pdf_with_a_title_and_language_holding_the_plan(
    alex_plan: AlexPlan, client_for
) -> None:
    response = client_for("alex").get(alex_plan.url("plan.pdf"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="alex-carter-plan-')
    assert response["Cache-Control"] == "private, no-store"
    pdf = response.content
    assert pdf.startswith(b"%PDF")
    info = pdf_info(pdf)
    assert info["Tagged"] == "yes"
    assert info["Title"] == "Plan for Alex Carter - Living Plan"
    structure = pdf_objects(pdf)
    assert b"/StructTreeRoot" in structure
    assert b"/Lang (en-GB)" in structure
    assert b'pdfuaid:part="1"' in structure  # PDF/UA-1
    text = pdf_text(pdf)
    for words in (WHAT_MATTERS, NEEDS, OUTCOME, ACTION, RISK, CRISIS):
        assert words in text


def test_the_pdf_uses_liberation_sans_embedded(alex_plan: AlexPlan, client_for) -> None:
    pdf = client_for("alex").get(alex_plan.url("plan.pdf")).content
    assert b"LiberationSans" in pdf_objects(pdf) or b"Liberation-Sans" in pdf_objects(pdf)


def test_sams_pdf_leaves_out_what_alex_has_not_shared_with_sam(alex_plan: AlexPlan, client_for) -> None:
    sams = pdf_text(client_for("sam").get(alex_plan.url("plan.pdf")).content)
    priyas = pdf_text(client_for("priya").get(alex_plan.url("plan.pdf")).content)

    assert OUTCOME in sams
    assert WHAT_MATTERS in sams
    for hidden in (RISK, "Risks and what we agreed", NEEDS, CRISIS):
        assert hidden not in sams
        assert hidden in priyas
    assert "Alex has chosen not to share some parts of their plan with you" in sams


def test_the_pdf_is_large_print_when_that_is_alexs_recorded_format(alex_plan: AlexPlan, client_for) -> None:
    record_format(alex_plan.world, InformationFormat.LARGE_PRINT)
    response = client_for("priya").get(alex_plan.url("plan.pdf"))

    assert "alex-carter-plan-large-print-" in response["Content-Disposition"]
    assert pdf_info(response.content)["Title"] == "Plan for Alex Carter (large print) - Living Plan"
    heights = pdf_word_heights(response.content)
    assert heights, "the PDF has text"
    assert min(heights) >= EIGHTEEN_POINT_BOX, "no text in large print is smaller than 18pt"
    assert OUTCOME in pdf_text(response.content)


def test_standard_print_is_smaller_so_the_large_print_check_means_something(alex_plan: AlexPlan, client_for) -> None:
    pdf = client_for("priya").get(alex_plan.url("plan.pdf")).content
    assert min(pdf_word_heights(pdf)) < EIGHTEEN_POINT_BOX


def test_the_pdf_is_easy_read_when_that_is_alexs_recorded_format(alex_plan: AlexPlan, client_for) -> None:
    record_format(alex_plan.world, InformationFormat.EASY_READ)
    response = client_for("alex").get(alex_plan.url("plan.pdf"))

    assert "alex-carter-plan-easy-read-" in response["Content-Disposition"]
    text = pdf_text(response.content)
    for heading in ("Things that matter to me", "What I want to happen", "Who will help and when"):
        assert heading in text
    assert OUTCOME in text
    assert ACTION in text


def test_format_can_be_chosen_for_one_download(alex_plan: AlexPlan, client_for) -> None:
    record_format(alex_plan.world, InformationFormat.EASY_READ)
    response = client_for("priya").get(alex_plan.url("plan.pdf?format=standard"))

    assert 'filename="alex-carter-plan-2' in response["Content-Disposition"]
    assert "Things that matter to me" not in pdf_text(response.content)


def test_the_one_page_profile_pdf_holds_what_alex_accepted_and_not_suggestions(alex_plan: AlexPlan, client_for) -> None:
    response = client_for("priya").get(alex_plan.url("about-me.pdf"))

    assert 'filename="alex-carter-one-page-profile-' in response["Content-Disposition"]
    assert pdf_info(response.content)["Tagged"] == "yes"
    text = pdf_text(response.content)
    assert ABOUT_ME in text
    assert SUGGESTION not in text
    assert OUTCOME not in text


def test_every_pdf_download_is_audited_with_who_what_and_which_format(alex_plan: AlexPlan, client_for) -> None:
    record_format(alex_plan.world, InformationFormat.LARGE_PRINT)
    client_for("dr.jones").get(alex_plan.url("plan.pdf"))
    client_for("sam").get(alex_plan.url("about-me.pdf?format=easy-read"))

    events = AuditEvent.objects.filter(action="plans.plan.exported").order_by("occurred_at", "pk")
    plan_pdf, profile_pdf = events
    assert plan_pdf.actor == alex_plan.world.dr_jones
    assert plan_pdf.person_id == alex_plan.world.alex_record.pk
    assert plan_pdf.actor_organisation == "Riverside Medical Practice"
    assert plan_pdf.detail["document"] == "plan"
    assert plan_pdf.detail["format"] == "large-print"
    assert profile_pdf.actor == alex_plan.world.sam
    assert profile_pdf.detail["document"] == "about-me"
    assert profile_pdf.detail["format"] == "easy-read"
