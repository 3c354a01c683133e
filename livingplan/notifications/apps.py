from django.apps import AppConfig
from django.core import checks


class NotificationsConfig(AppConfig):
    name = "livingplan.notifications"
    label = "notifications"
    verbose_name = "Notifications: messages to people, through an outbox"

    def ready(self) -> None:
        from livingplan.notifications.checks import check_settings

        checks.register(check_settings)
