from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "livingplan.conversations"
    label = "conversations"
    verbose_name = "Conversations: the person's own preparation, the planning conversation, the six-step view"
