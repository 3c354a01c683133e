"""Templates' url() remembers reversed URLs, and still follows the prefix the site is served under."""

from django.urls import reverse, set_script_prefix

from livingplan.config.jinja2 import url


def test_url_gives_what_reverse_gives() -> None:
    assert url("plans:plan", 7) == reverse("plans:plan", args=[7]) == "/people/7/plan/"
    assert url("plans:action-status", 7, 12) == reverse("plans:action-status", args=[7, 12])
    assert url("plans:plan", person_pk=7) == "/people/7/plan/"


def test_url_follows_the_script_prefix_after_it_has_been_remembered() -> None:
    assert url("plans:plan", 7) == "/people/7/plan/"
    set_script_prefix("/living-plan/")
    try:
        assert url("plans:plan", 7) == "/living-plan/people/7/plan/"
    finally:
        set_script_prefix("/")
    assert url("plans:plan", 7) == "/people/7/plan/"
