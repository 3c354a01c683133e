"""The person's "Messages to you" and staff's "Messages sent" (thin: load through visible_to, audit,
present), and the endpoint GOV.UK Notify calls back with each message's delivery status."""

import hmac
import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.core.services import auditor
from livingplan.notifications import outbox, preferences, presenters
from livingplan.notifications.forms import MessageChoicesForm
from livingplan.notifications.models import OutboxMessage

PAGE_SIZE = 50


@login_required
@require_GET
def messages_to_you(request: AuthenticatedRequest) -> HttpResponse:
    """Everything we have sent, or tried to send, to the signed-in user, newest first."""
    messages = OutboxMessage.objects.visible_to(request.user).to_user(request.user)[:PAGE_SIZE]
    return render(request, "notifications/to_you.jinja", {"rows": presenters.rows(messages, for_staff=False)})


@login_required
@require_http_methods(["GET", "POST"])
def message_choices(request: AuthenticatedRequest) -> HttpResponse:
    """ "Messages we send you": the signed-in user turns each everyday kind of message on or off."""
    kinds = preferences.kinds_for(request.user)
    off = preferences.turned_off(request.user)
    initial = {"wanted": [kind.template_key for kind in kinds if kind.template_key not in off]}
    # Every box unticked posts no value at all: still a choice to save, so bound on any POST.
    form = MessageChoicesForm(request.POST if request.method == "POST" else None, kinds=kinds, initial=initial)
    if request.method == "POST" and form.is_valid():
        preferences.choose_messages(
            request.user, by=request.user, wanted=form.cleaned_data["wanted"], audit=request.audit
        )
        messages.success(request, "Your choices are saved.")
        return redirect("notifications:choices")
    status = 400 if form.errors else 200
    how = presenters.how_to_change_contact(request.user)
    return render(request, "notifications/choices.jinja", {"form": form, "how": how}, status=status)


@login_required
@require_GET
def messages_sent(request: AuthenticatedRequest) -> HttpResponse:
    """Staff: messages about the people they may see, with what went wrong. Each person shown is an audited read."""
    if not request.user.is_staff_member:
        raise Http404
    messages = list(
        OutboxMessage.objects.visible_to(request.user)
        .exclude(person_id__isnull=True)
        .prefetch_related("status_changes")[:PAGE_SIZE]
    )
    for person_id in sorted({m.person_id for m in messages if m.person_id is not None}):
        auditor.record("notifications.messages.viewed", audit=request.audit, person_id=person_id)
    context = {"rows": presenters.rows(messages, for_staff=True), "page_size": PAGE_SIZE}
    return render(request, "notifications/sent.jinja", context)


@csrf_exempt  # a server-to-server call, authenticated by its bearer token instead
@require_POST
def notify_callback(request: HttpRequest) -> HttpResponse:
    """Notify's delivery receipt: `Authorization: Bearer NOTIFY_CALLBACK_TOKEN`, JSON with id, reference, status."""
    expected = settings.NOTIFY_CALLBACK_TOKEN
    given = request.headers.get("Authorization", "").removeprefix("Bearer ")
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        return JsonResponse({"error": "unauthorised"}, status=401)
    try:
        body = json.loads(request.body)
        reference, provider_id, status = str(body["reference"]), str(body["id"]), str(body["status"])
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"error": "expected JSON with id, reference and status"}, status=400)
    try:
        changed = outbox.record_delivery(reference=reference, provider_id=provider_id, status=status)
    except outbox.UnknownMessage:
        return JsonResponse({"error": "no such message"}, status=404)
    return JsonResponse({"changed": changed})
