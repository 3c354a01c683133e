from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "livingplan.notifications"
    label = "notifications"
    verbose_name = "Notifications: messages to people, through an outbox"
