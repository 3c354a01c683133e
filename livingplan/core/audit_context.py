"""Who is acting, for which organisation and from where: one small context per request (ADR-029).

`AuditContextMiddleware` builds it once as `request.audit`; views pass it to services as `audit=`
and `auditor.record()` writes it on every event. Commands and background tasks build their own
(`for_system`), naming themselves where a browser would give its user agent, so the trail says a
change was made by the demo seed or the worker, in whose name.

The fields never change. The organisation a member of staff acts for is found per person (on
Alex's care team Dr Jones acts for her GP practice; for someone else she may act for another
organisation) and remembered on the context, so a page that records several events asks once.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from django.http import HttpRequest

# Given an actor and the person an event is about (or None), the name of the organisation the
# actor acts for, "" for a member of staff whose organisation cannot be told, or None for someone
# who is not staff (a person or their circle). The kernel knows no memberships (ADR-006 layers),
# so the people app registers this when it starts (ADR-020).
OrganisationFinder = Callable[[Any, int | None], str | None]
_organisation_finder: OrganisationFinder | None = None

USER_AGENT_LENGTH = 300


class UnattributedStaffEventError(PermissionError):
    """Raised when a member of staff's event cannot say which organisation they acted for."""


def register_organisation_finder(finder: OrganisationFinder) -> None:
    global _organisation_finder  # one finder for the process, set at start-up
    _organisation_finder = finder


@dataclass(frozen=True, eq=False)
class AuditContext:
    # A user, or for a request nobody has signed in to, Django's anonymous user (which the
    # auditor refuses). `Any` because the kernel may not import the accounts app's `User`.
    actor: Any
    ip_address: str | None = None
    user_agent: str = ""
    # A person at a browser or an API client: their plan changes count towards the rate limit.
    interactive: bool = False
    # Set by a command acting for one organisation; otherwise found for each person.
    organisation: str = ""
    _organisations: dict[int | None, str | None] = field(default_factory=dict, repr=False)
    # The people an event was recorded about during this request, so the read auditing in
    # `core.audit_reads` writes no second row for the same page.
    audited_people: set[int] = field(default_factory=set, repr=False)

    @classmethod
    def from_request(cls, request: HttpRequest) -> "AuditContext":
        """The request's user (not loaded until an event needs it), address and browser."""
        return cls(
            actor=request.user,
            ip_address=request.META.get("REMOTE_ADDR") or None,
            user_agent=str(request.META.get("HTTP_USER_AGENT", ""))[:USER_AGENT_LENGTH],
            interactive=True,
        )

    @classmethod
    def for_actor(cls, user: Any) -> "AuditContext":
        """`user` acting outside any request: a test, an import, a shell."""
        return cls(actor=user)

    @classmethod
    def for_system(cls, *, actor: Any, via: str, organisation: str = "") -> "AuditContext":
        """A command or background task acting in `actor`'s name; `via` names it on each event."""
        return cls(actor=actor, user_agent=via[:USER_AGENT_LENGTH], organisation=organisation)

    def as_actor(self, user: Any) -> "AuditContext":
        """This request, now known to be `user`: signed in by an API token or a one-time link."""
        return replace(self, actor=user, _organisations={})

    def organisation_for(self, person_id: int | None) -> str:
        """The organisation the actor acts for in an event about this person (or nobody); "" for
        someone who acts for none. Refuses a member of staff whose organisation cannot be told."""
        if self.organisation:
            return self.organisation
        if person_id not in self._organisations:
            if _organisation_finder is None:
                raise UnattributedStaffEventError("No organisation finder is registered: is the people app installed?")
            self._organisations[person_id] = _organisation_finder(self.actor, person_id)
        name = self._organisations[person_id]
        if name == "":
            raise UnattributedStaffEventError(f"Staff member {self.actor.pk} acts for no organisation we can tell.")
        return name or ""


def context_for(by: Any, audit: AuditContext | None) -> AuditContext:
    """The context a service records `by`'s change under: the caller's, or outside a request one
    of its own. A context for someone else is a mistake in the caller, never silently used."""
    if audit is None:
        return AuditContext.for_actor(by)
    if getattr(audit.actor, "pk", None) != getattr(by, "pk", None):
        raise ValueError("The audit context is for someone other than the person making the change.")
    return audit


def as_link_holder(user: Any, audit: AuditContext | None) -> AuditContext:
    """The context for `user`, known only by a one-time link they opened in this request (an
    invitation, a password link): the request was not signed in, so its own actor is anonymous."""
    return AuditContext.for_actor(user) if audit is None else audit.as_actor(user)


def of_request(request: HttpRequest) -> AuditContext:
    """`request.audit`, for a view whose request is not typed as signed in (an invitation link)."""
    audit: AuditContext = request.audit  # type: ignore[attr-defined]  # set by AuditContextMiddleware
    return audit
