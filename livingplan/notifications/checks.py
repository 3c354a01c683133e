"""Start-up checks on the notification settings: mistakes here would send twice or not at all."""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning


def check_settings(**kwargs: Any) -> list[CheckMessage]:
    problems: list[CheckMessage] = []
    if settings.NOTIFICATIONS_SENDING_TIMEOUT <= 2 * settings.NOTIFY_REQUEST_TIMEOUT:
        problems.append(
            Error(
                "NOTIFICATIONS_SENDING_TIMEOUT must be more than twice NOTIFY_REQUEST_TIMEOUT",
                hint="Otherwise the sweep can free a message whose send is still under way (a try and a look-up).",
                id="notifications.E001",
            )
        )
    if settings.NOTIFY_API_KEY:
        if len(settings.NOTIFY_API_KEY) < 74:
            problems.append(
                Error("NOTIFY_API_KEY is not in Notify's name-serviceid-secret form", id="notifications.E002")
            )
        missing = [channel for channel, template in settings.NOTIFY_TEMPLATE_IDS.items() if not template]
        if missing:
            problems.append(
                Warning(
                    f"No GOV.UK Notify template id for: {', '.join(missing)}",
                    hint="Messages by these channels will fail with that reason (NOTIFY_*_TEMPLATE_ID).",
                    id="notifications.W001",
                )
            )
    return problems
