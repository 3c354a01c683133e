"""Responses with personal data are never stored by a browser or a shared cache.

Any response to a signed-in session or a request with an Authorization header (the API's
bearer tokens) is `Cache-Control: private, no-store`, unless the view chose its own header
(the PDFs and the export set the same). Without it a browser keeps the page on disk and shows it
again from Back or history after sign-out, on a shared computer in a care home or a library.
Signed-out requests for public pages, and the static files WhiteNoise answers before this
runs, are left as they are.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase

NO_STORE = "private, no-store"


def _carries_personal_data(request: HttpRequest) -> bool:
    if "authorization" in request.headers:
        return True
    # Without a session cookie nobody is signed in: skip reading the session, so public pages
    # answered to signed-out visitors keep exactly the headers they had.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class NoStoreForSignedInMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if "Cache-Control" not in response and _carries_personal_data(request):
            response["Cache-Control"] = NO_STORE
        return response
