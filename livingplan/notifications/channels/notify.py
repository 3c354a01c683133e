"""GOV.UK Notify through its own client (`notifications-python-client`).

The key is Notify's `name-serviceid-secret` form (`NOTIFY_API_KEY`), the address `NOTIFY_BASE_URL`.
Each message goes with `reference` = its idempotency key. Notify itself does not refuse a second
message with the same reference, so every try after the first asks Notify for that reference
first and, if it already has it, records that notification instead of sending again: a worker
killed after Notify accepted, or a timeout after it accepted, never becomes a second message.
"""

import io
import threading
from typing import Any

from django.conf import settings
from notifications_python_client.errors import APIError
from notifications_python_client.notifications import NotificationsAPIClient

from livingplan.notifications.channels.base import OutgoingMessage, PermanentFailure, Receipt, TransientFailure
from livingplan.notifications.models import Channel, Provider

_local = threading.local()  # the client keeps a requests.Session and is not thread-safe
# The client's methods carry no type annotations: we treat it as untyped, and type what we take from it.
_Client: Any = NotificationsAPIClient


def _client() -> Any:
    config = (settings.NOTIFY_API_KEY, settings.NOTIFY_BASE_URL, settings.NOTIFY_REQUEST_TIMEOUT)
    if getattr(_local, "config", None) != config:
        _local.client = _Client(config[0], base_url=config[1], timeout=config[2])
        _local.config = config
    return _local.client


def _failure(error: APIError) -> Exception:
    """429 and 5xx (the client reports a timeout or refused connection as 503) are worth retrying."""
    status = error.status_code
    said = error.message
    if isinstance(said, list):  # Notify's errors: [{"error": "BadRequestError", "message": "..."}]
        said = "; ".join(str(item.get("message", item)) if isinstance(item, dict) else str(item) for item in said)
    reason = f"GOV.UK Notify answered {status}: {said}"
    if status == 429 or status >= 500:
        return TransientFailure(reason)
    return PermanentFailure(reason[:500])


def _template_id(channel: str) -> str:
    template_id: str = settings.NOTIFY_TEMPLATE_IDS.get(channel, "")
    if not template_id:
        raise PermanentFailure(f"No GOV.UK Notify template is set for {channel.lower()} (NOTIFY_TEMPLATE_IDS)")
    return template_id


class NotifyChannel:
    def send(self, message: OutgoingMessage) -> Receipt:
        client = _client()
        try:
            if message.attempt > 1 and (earlier := self._already_sent(client, message.reference)):
                return earlier
            response = self._post(client, message)
        except APIError as error:
            raise _failure(error) from error
        note = f"GOV.UK Notify took the letter as a PDF ({message.pdf_note})" if message.pdf is not None else ""
        return Receipt(provider=Provider.NOTIFY, provider_id=str(response["id"]), status="created", note=note)

    def _already_sent(self, client: Any, reference: str) -> Receipt | None:
        found: dict[str, Any] = client.get_all_notifications(reference=reference)
        notifications = found.get("notifications") or []
        if not notifications:
            return None
        earlier = notifications[0]
        return Receipt(
            provider=Provider.NOTIFY,
            provider_id=str(earlier["id"]),
            status=str(earlier.get("status", "created")),
            note="GOV.UK Notify already had it from an earlier try: not sent again",
        )

    def _post(self, client: Any, message: OutgoingMessage) -> dict[str, Any]:
        if message.pdf is not None:
            # Precompiled: the PDF is the letter, its first page carrying the address; no template.
            precompiled: dict[str, Any] = client.send_precompiled_letter_notification(
                message.reference, io.BytesIO(message.pdf)
            )
            return precompiled
        template_id = _template_id(message.channel)
        words = {"subject": message.subject, "body": message.body}
        sent: dict[str, Any]
        if message.channel == Channel.EMAIL:
            sent = client.send_email_notification(
                message.to, template_id, personalisation=words, reference=message.reference
            )
        elif message.channel == Channel.SMS:
            sent = client.send_sms_notification(
                message.to, template_id, personalisation={"body": message.body}, reference=message.reference
            )
        else:
            lines = message.to.splitlines()[:7]
            address = {f"address_line_{n}": line for n, line in enumerate(lines, start=1)}
            sent = client.send_letter_notification(
                template_id, personalisation={**address, **words}, reference=message.reference
            )
        return sent
