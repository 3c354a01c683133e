from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "livingplan.conversations"
    label = "conversations"
    verbose_name = "Conversations: the person's own preparation, the planning conversation, the six-step view"

    def ready(self) -> None:
        # The journey (below us in the layers) shows part 2 of the preparation and knows when the
        # conversation was held only through what we register here.
        from livingplan.conversations.journey import conversations_held, own_preparation_part
        from livingplan.journeys.facts import PreparationPart, register_fact_finder, register_preparation_part

        part = PreparationPart(2, "The person's own preparation", own_preparation_part, "Your own preparation")
        register_preparation_part(part)
        register_fact_finder("conversations", conversations_held)
