"""The appointment pages as people use them, without JavaScript: Priya books through the form, Alex
sees his appointments on his home and asks for another time, Priya answers; someone who must not
see Alex (Omar) gets a 404 everywhere."""

import datetime as dt
from collections.abc import Callable

import icalendar
import pytest
from django.test import Client

from livingplan.appointments.models import Appointment, ChangeRequest, RequestStatus
from livingplan.people.models import CareTeamMember
from tests.appointments.conftest import book_conversation
from tests.personas import World

pytestmark = pytest.mark.usefixtures("september")
Clients = Callable[[str], Client]


def booking(world: World, **changes: object) -> dict[str, object]:
    dr_jones = CareTeamMember.objects.get(person=world.alex_record, user=world.dr_jones)
    form: dict[str, object] = {
        "kind": "CONVERSATION",
        "day_day": "10",
        "day_month": "11",
        "day_year": "2026",
        "start_time": "10am",
        "end_time": "11:30",
        "place": "VIDEO",
        "where_details": "https://meet.example.org/alex",
        "access_needs": ["BSL"],
        "care_team": [str(dr_jones.pk)],
    }
    return {**form, **changes}


def test_priya_books_through_the_form(world: World, client_for: Clients) -> None:
    url = f"/people/{world.alex_record.pk}/appointments/book/"
    response = client_for("priya").post(url, booking(world), follow=True)
    appointment = Appointment.objects.get()
    assert list(appointment.participants.values_list("name", flat=True)) == ["Alex Carter", "Eleri Jones"]
    assert "The appointment is booked. Everyone invited has been sent an invitation." in response.content.decode()


def test_a_time_in_the_past_is_refused_on_the_form(world: World, client_for: Clients) -> None:
    url = f"/people/{world.alex_record.pk}/appointments/book/"
    response = client_for("priya").post(url, booking(world, day_month="9", day_day="1"))
    assert response.status_code == 400
    assert "The appointment must start in the future" in response.content.decode()


def test_a_time_that_is_not_a_time_is_refused_on_the_form(world: World, client_for: Clients) -> None:
    url = f"/people/{world.alex_record.pk}/appointments/book/"
    response = client_for("priya").post(url, booking(world, start_time="morning"))
    assert "Enter the start time as a time on a clock, like 10:30 or 2pm" in response.content.decode()


def test_a_double_booking_is_refused_on_the_form_and_nothing_saved(world: World, client_for: Clients) -> None:
    book_conversation(world)
    url = f"/people/{world.alex_record.pk}/appointments/book/"
    response = client_for("priya").post(url, booking(world))
    assert "Alex Carter already has an appointment from 10am to 11am" in response.content.decode()
    assert Appointment.objects.count() == 1


def test_dr_jones_may_not_open_the_booking_form(world: World, client_for: Clients) -> None:
    response = client_for("dr.jones").get(f"/people/{world.alex_record.pk}/appointments/book/")
    assert response.status_code == 403


@pytest.mark.parametrize("page", ["", "invitation.ics", "ask/", "change/"])
def test_omar_who_is_not_on_the_care_team_gets_a_404(world: World, client_for: Clients, page: str) -> None:
    appointment = book_conversation(world)
    response = client_for("omar").get(f"/people/{world.alex_record.pk}/appointments/{appointment.pk}/{page}")
    assert response.status_code == 404


def test_alexs_home_shows_his_next_appointment(world: World, client_for: Clients) -> None:
    book_conversation(world)
    page = client_for("alex").get("/").content.decode()
    assert "Planning conversation</a>: Tuesday 10 November 2026, 10am to 11am" in page


def test_the_download_is_a_calendar_file_for_the_same_event(world: World, client_for: Clients) -> None:
    appointment = book_conversation(world)
    response = client_for("sam").get(f"/people/{world.alex_record.pk}/appointments/{appointment.pk}/invitation.ics")
    calendar = icalendar.Calendar.from_ical(response.content)
    said = (response["Content-Type"], str(calendar["method"]), str(calendar.walk("VEVENT")[0]["uid"]))
    assert said == ("text/calendar; charset=utf-8", "PUBLISH", appointment.uid)


def test_alex_asks_for_another_time_and_priya_says_yes(world: World, client_for: Clients) -> None:
    appointment = book_conversation(world)
    base = f"/people/{world.alex_record.pk}/appointments/{appointment.pk}/"
    asked = {"day_day": "12", "day_month": "11", "day_year": "2026", "start_time": "2pm", "end_time": "3pm"}
    client_for("alex").post(base + "ask/", asked)
    request = ChangeRequest.objects.get()
    client_for("priya").post(base + f"requests/{request.pk}/answer/", {"decision": "accept"})
    request.refresh_from_db()
    appointment.refresh_from_db()
    assert (request.status, appointment.starts_at.astimezone(dt.UTC).hour) == (RequestStatus.ACCEPTED, 14)


def test_alex_must_give_the_whole_time_he_asks_for(world: World, client_for: Clients) -> None:
    appointment = book_conversation(world)
    url = f"/people/{world.alex_record.pk}/appointments/{appointment.pk}/ask/"
    response = client_for("alex").post(url, {"start_time": "2pm"})
    assert "Enter the date, start time and end time you would like" in response.content.decode()
