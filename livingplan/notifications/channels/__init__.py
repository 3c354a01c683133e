"""Channels behind one method, `send(message) -> Receipt`: GOV.UK Notify, Django email, the log.

Which one carries a message is a setting read when it is sent (NOTIFICATIONS_PROVIDER: "notify",
"email" or "log"; unset: Notify when NOTIFY_API_KEY is set, else the log).
"""

from django.conf import settings

from livingplan.notifications.channels.base import (
    Channel,
    OutgoingMessage,
    PermanentFailure,
    Receipt,
    TransientFailure,
)
from livingplan.notifications.channels.email import DjangoEmailChannel
from livingplan.notifications.channels.log import LogChannel
from livingplan.notifications.channels.notify import NotifyChannel
from livingplan.notifications.models import Channel as Medium

__all__ = ["Channel", "OutgoingMessage", "PermanentFailure", "Receipt", "TransientFailure", "channel_for"]


def channel_for(medium: str) -> Channel:
    chosen = (settings.NOTIFICATIONS_PROVIDER or ("notify" if settings.NOTIFY_API_KEY else "log")).lower()
    if chosen == "notify":
        return NotifyChannel()
    if chosen == "email" and medium == Medium.EMAIL:
        return DjangoEmailChannel()
    return LogChannel()  # the email server carries no texts or letters
