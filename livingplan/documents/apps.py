from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "livingplan.documents"
    label = "documents"
    verbose_name = "Documents: other formats, PDFs and the person's own download"

    def ready(self) -> None:
        # The notifications app sits below us: it asks us for a letter's PDF when it posts one.
        from livingplan.documents.letters import PLAN_VERSION, plan_letter, words_letter
        from livingplan.notifications.letters import register_letter_renderer

        register_letter_renderer(plan_letter, template=PLAN_VERSION)
        register_letter_renderer(words_letter)
