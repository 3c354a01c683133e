"""The log channel: the demo's default. Nothing leaves the machine; the outbox row shows what would have."""

import logging

from livingplan.notifications.channels.base import OutgoingMessage, Receipt
from livingplan.notifications.models import Provider

log = logging.getLogger("livingplan.notifications")


class LogChannel:
    def send(self, message: OutgoingMessage) -> Receipt:
        # No address or words in the log: the outbox row (behind visible_to) keeps those.
        log.info("Not sent (log channel): %s message %s", message.channel.lower(), message.message_id)
        # A letter's PDF was made all the same: the row says what would have been posted.
        note = f"Letter as a PDF ({message.pdf_note}): not posted, demo log" if message.pdf is not None else ""
        return Receipt(provider=Provider.LOG, provider_id=f"log-{message.message_id}", note=note)
