"""The page header is reused between pages (core.header) but never between viewers, and its
sign-out form always carries a token that works for this response."""

import re

from django.test import Client

from tests.personas import World

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_each_viewer_sees_their_own_name_and_provider_however_often_the_header_is_reused(world: World) -> None:
    pages = {}
    for who in ("priya", "dr.jones", "priya", "dr.jones"):
        client = Client()
        client.force_login(world.persona(who))
        pages[who] = client.get("/accessibility-statement/").content.decode()
    assert "Priya Shah" in pages["priya"]
    assert "Eleri Jones" not in pages["priya"]
    assert "Eleri Jones" in pages["dr.jones"]
    assert "Priya Shah" not in pages["dr.jones"]
    assert "Northbridge Council" in pages["priya"]
    assert "Riverside Medical Practice" in pages["dr.jones"]
    assert ("nhsuk-header__logo" in pages["dr.jones"], "nhsuk-header__logo" in pages["priya"]) == (True, False)


def test_sign_out_works_from_a_header_that_was_reused(world: World) -> None:
    other = Client()
    other.force_login(world.priya)
    other.get("/accessibility-statement/")  # fills the cache with Priya's header

    client = Client(enforce_csrf_checks=True)
    client.force_login(world.priya)
    page = client.get("/accessibility-statement/").content.decode()
    token = TOKEN.search(page.split("nhsuk-header__account-form", 1)[1])
    assert token is not None
    assert "__csrf" not in token.group(1)

    response = client.post("/sign-out/", {"csrfmiddlewaretoken": token.group(1)})

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
