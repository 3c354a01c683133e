from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "livingplan.community"
    label = "community"
    verbose_name = "Community: the directory of what is available locally, in the Open Referral UK shape"
