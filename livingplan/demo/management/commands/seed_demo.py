from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from livingplan.demo.seed import seed_demo


class Command(BaseCommand):
    help = "Create (or refresh) the demo organisations, personas and synthetic people."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--password", required=True, help="Password for every demo account.")

    def handle(self, *args: Any, password: str, **options: Any) -> None:
        result = seed_demo(password=password)
        self.stdout.write(
            f"Demo ready: {result.created_users} accounts and {result.created_people} people created "
            f"(existing ones kept; all demo passwords reset)."
        )
