from django.apps import AppConfig
from django.core import checks


class NotificationsConfig(AppConfig):
    name = "livingplan.notifications"
    label = "notifications"
    verbose_name = "Notifications: messages to people, through an outbox"

    def ready(self) -> None:
        from livingplan.accounts.password_reset import register_reset_sender
        from livingplan.notifications.checks import check_settings
        from livingplan.notifications.password_reset import queue_reset_link

        checks.register(check_settings)
        # Password reset links go through the outbox (accounts sits below us in the layers).
        register_reset_sender(queue_reset_link)
