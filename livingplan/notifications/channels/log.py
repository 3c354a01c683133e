"""The log channel: the demo's default. Nothing leaves the machine; the outbox row shows what would have."""

import logging

from livingplan.notifications.channels.base import OutgoingMessage, Receipt
from livingplan.notifications.models import Provider

log = logging.getLogger("livingplan.notifications")


class LogChannel:
    def send(self, message: OutgoingMessage) -> Receipt:
        # No address or words in the log: the outbox row (behind visible_to) keeps those.
        log.info("Not sent (log channel): %s message %s", message.channel.lower(), message.message_id)
        return Receipt(provider=Provider.LOG, provider_id=f"log-{message.message_id}")
