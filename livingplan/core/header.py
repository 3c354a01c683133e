"""The page header, rendered once per kind of viewer and reused.

The NHS.UK header macro is the costliest part of every page's layout: a quarter of a signed-in
page that reads nothing (`make bench`, framework floor). What it shows depends only on who is
signed in (their name), the organisation providing the service and whether that is an NHS body,
so its text is kept in the render cache (ADR-013) under exactly those. The sign-out form's CSRF
token differs per response: the cached text holds a placeholder that each response fills in.
"""

from typing import Any

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.html import format_html
from markupsafe import Markup

from livingplan.core.render_cache import cached_text

TOKEN_PLACEHOLDER = "__csrf-token-for-this-response__"  # noqa: S105 - a marker, not a secret


def account_items(name: str | None) -> list[dict[str, Any]]:
    if name is None:
        return [{"href": reverse("accounts:sign-in"), "text": "Sign in"}]
    return [
        {"text": name, "icon": True},
        {"href": reverse("accounts:security"), "text": "Sign-in security"},
        # Signing out changes state, so it is a POST with a CSRF token, not a link.
        {
            "html": format_html(
                '<form class="nhsuk-header__account-form" method="post" action="{}">'
                '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
                '<button class="nhsuk-header__account-button">Sign out</button></form>',
                reverse("accounts:sign-out"),
                TOKEN_PLACEHOLDER,
            )
        },
    ]


def page_header(request: HttpRequest, service_provider: str, show_nhs_logo: bool) -> Markup:
    user = request.user
    name = (user.get_full_name() or user.get_username()) if user.is_authenticated else None

    def build() -> str:
        context = {"items": account_items(name), "service_provider": service_provider, "show_nhs_logo": show_nhs_logo}
        return render_to_string("core/header.jinja", context)

    depends_on = ("v1", get_script_prefix(), name, service_provider, show_nhs_logo)
    text = cached_text("layout.header", depends_on, build)
    if name is not None:
        text = text.replace(TOKEN_PLACEHOLDER, get_token(request))
    return Markup(text)  # noqa: S704 - our own template's escaped output, and a token of [A-Za-z0-9]
