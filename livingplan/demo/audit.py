"""The audit context the demo seed acts in: each persona in their own name, and every event
saying the seed made it, where a browser would give its user agent (ADR-029)."""

from livingplan.accounts.models import User
from livingplan.core.audit_context import AuditContext

SEED = "livingplan seed_demo"


def seeding(user: User) -> AuditContext:
    return AuditContext.for_system(actor=user, via=SEED)
