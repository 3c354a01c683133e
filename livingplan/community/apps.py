from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "livingplan.community"
    label = "community"
    verbose_name = "Community: the directory of what is available locally, in the Open Referral UK shape"

    def ready(self) -> None:
        # "Did it help?", asked by `livingplan db_worker` (notifications sits below us and cannot import it).
        from livingplan.community import asking
        from livingplan.notifications import periodic

        periodic.register("community.did_it_help", asking.ask_did_it_help, every_seconds=asking.EVERY_SECONDS)
