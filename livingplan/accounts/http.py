from django.http import HttpRequest

from livingplan.accounts.models import User
from livingplan.core.audit_context import AuditContext


class AuthenticatedRequest(HttpRequest):
    """For views behind login_required: `request.user` is a signed-in `User`, for the type checker."""

    user: User
    audit: AuditContext  # built by `core.middleware.AuditContextMiddleware` (ADR-029)
