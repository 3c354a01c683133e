"""What every page's layout needs: messages and the CSP nonce (the header is `core.header`)."""

from typing import Any

from django.contrib.messages import get_messages
from django.http import HttpRequest


def layout(request: HttpRequest) -> dict[str, Any]:
    return {
        # Confirmations ("Outcome added") and refusals ("Add at least one outcome") from the last action.
        "messages": get_messages(request),
        "csp_nonce": str(getattr(request, "csp_nonce", "")),
    }
