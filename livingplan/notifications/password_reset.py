"""Password reset links through the outbox, for the accounts app (which sits below us and cannot
import us: we register this sender with it at start-up, `accounts.password_reset.register_reset_sender`).

The message carries nothing about the account beyond the link: no name, username or address.
The link is a secret, removed from the row once the message has gone (`texts.PASSWORD_RESET`).
"""

from django.conf import settings

from livingplan.accounts.models import User
from livingplan.notifications import outbox
from livingplan.notifications.recipients import Recipient


def queue_reset_link(*, user: User, path: str, key: str) -> None:
    outbox.queue(
        template="password_reset",
        to=Recipient(first_name=user.first_name, name=user.display_name, user_id=user.pk, email=user.email),
        personalisation={"link": settings.LIVINGPLAN_SITE_URL.rstrip("/") + path},
        key=key,
    )
