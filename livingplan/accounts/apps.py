from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "livingplan.accounts"
    label = "accounts"
    verbose_name = "Accounts and organisations"
