"""What every page's layout needs: the header's account links and the CSP nonce."""

from typing import Any

from django.contrib.messages import get_messages
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import format_html


def layout(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    items: list[dict[str, Any]] = []
    if user.is_authenticated:
        items.append({"text": user.get_full_name() or user.get_username(), "icon": True})
        items.append({"href": reverse("accounts:security"), "text": "Sign-in security"})
        # Signing out changes state, so it is a POST with a CSRF token, not a link.
        items.append(
            {
                "html": format_html(
                    '<form class="nhsuk-header__account-form" method="post" action="{}">'
                    '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
                    '<button class="nhsuk-header__account-button">Sign out</button></form>',
                    reverse("accounts:sign-out"),
                    get_token(request),
                )
            }
        )
    else:
        items.append({"href": reverse("accounts:sign-in"), "text": "Sign in"})
    return {
        # Confirmations ("Outcome added") and refusals ("Add at least one outcome") from the last action.
        "messages": get_messages(request),
        "header_account_items": items,
        "header_navigation_items": [],
        "csp_nonce": str(getattr(request, "csp_nonce", "")),
    }
