from django.http import HttpRequest

from livingplan.accounts.models import User


class AuthenticatedRequest(HttpRequest):
    """For views behind login_required: `request.user` is a signed-in `User`, for the type checker."""

    user: User
