"""Appointments (issue 12), without JavaScript: Priya books Alex's planning conversation with Sam and
Dr Jones, Alex sees it on his home and asks for a change, Priya answers, then cancels it. axe on
every page on the way."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.personas import World
from tests.system.journeys import (
    given_i_am_signed_in_as,
    main_content,
    question,
    then_i_am_told,
    then_there_is_a_problem,
    visit,
    when_i_choose,
    when_i_enter_the_date,
    when_i_fill_in,
    when_i_follow,
    when_i_press,
    when_i_sign_out,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_priya_books_alex_asks_to_change_and_priya_answers(page_without_javascript: Page, world: World) -> None:
    page = page_without_javascript
    day = timezone.localdate() + dt.timedelta(days=14)

    given_i_am_signed_in_as(page, "priya")
    visit(page, f"/people/{world.alex_record.pk}/", heading="Alex Carter")
    when_i_follow(page, "Appointments", to="Appointments")
    when_i_follow(page, "Book an appointment", to="Book an appointment")
    when_i_press(page, "Book and send invitations", to="Book an appointment")
    then_there_is_a_problem(page, "Select what the appointment is for", "Enter the date", "Select where it is")

    when_i_choose(page, "What is the appointment for?", "Planning conversation")
    when_i_enter_the_date(page, "Date", day)
    when_i_fill_in(page, "Start time", "10am")
    when_i_fill_in(page, "End time", "11:30")
    when_i_choose(page, "Where is it?", "At home")
    when_i_choose(page, "Access needs", "Step-free access")
    question(page, "Who from their circle of support is coming?").get_by_label("Sam Carter (Daughter)").check()
    question(page, "Who from the care team is coming?").get_by_label("Eleri Jones").check()
    when_i_press(page, "Book and send invitations", to="Appointments")
    then_i_am_told(page, "The appointment is booked. Everyone invited has been sent an invitation.")
    when_i_follow(page, "Planning conversation", to="Planning conversation")
    expect(main_content(page)).to_contain_text("Alex Carter (the person), Sam Carter (circle of support)")
    download = main_content(page).get_by_role("link", name="Add to your calendar (download the .ics file)")
    calendar = page.request.get(str(download.get_attribute("href"))).text()
    assert f"DTSTART;TZID=Europe/London:{day:%Y%m%d}T100000" in calendar
    when_i_sign_out(page)

    given_i_am_signed_in_as(page, "alex")
    expect(main_content(page)).to_contain_text(f"{day:%A} {day.day} {day:%B %Y}, 10am to 11:30am")
    when_i_follow(page, "Your appointments", to="Your appointments")
    when_i_follow(page, "Planning conversation", to="Planning conversation")
    when_i_follow(page, "Ask to change this appointment or suggest another time", to="Ask to change your appointment")
    when_i_press(page, "Send my request", to="Ask to change your appointment")
    then_there_is_a_problem(page, "Enter what you would like to change, or a time that suits you better")
    when_i_fill_in(page, "What would you like to change?", "Could we meet at the day centre instead?")
    when_i_press(page, "Send my request", to="Planning conversation")
    then_i_am_told(page, "Your request has been sent. Your care coordinator will answer it.")
    when_i_sign_out(page)

    given_i_am_signed_in_as(page, "priya")
    visit(page, f"/people/{world.alex_record.pk}/appointments/", heading="Appointments")
    when_i_follow(page, "Planning conversation", to="Planning conversation")
    when_i_follow(page, "Answer this request", to="Answer the request")
    when_i_choose(page, "Your answer", "No, it is not possible")
    when_i_press(page, "Send the answer", to="Answer the request")
    then_there_is_a_problem(page, "Enter why the change is not possible")
    when_i_choose(page, "Your answer", "No, it is not possible")
    when_i_fill_in(page, "What do you want to tell them?", "The day centre is closed that week.")
    when_i_press(page, "Send the answer", to="Planning conversation")
    expect(main_content(page)).to_contain_text("The day centre is closed that week.")

    when_i_follow(page, "Change the appointment", to="Change the appointment")
    when_i_fill_in(page, "Start time", "2pm")
    when_i_fill_in(page, "End time", "3pm")
    when_i_press(page, "Save and send updates", to="Planning conversation")
    expect(main_content(page)).to_contain_text("2pm to 3pm")

    when_i_follow(page, "Cancel the appointment", to="Cancel the appointment")
    when_i_fill_in(page, "Why is it cancelled?", "Alex is in hospital.")
    when_i_press(page, "Cancel the appointment", to="Planning conversation")
    expect(main_content(page)).to_contain_text("This appointment is cancelled")
