"""`make run` serves the demo as a person meets it: the service's own error pages, working styles."""

import os
import subprocess
import sys
from pathlib import Path

import livingplan

PROJECT = Path(livingplan.__file__).resolve().parents[1]
INHERITED = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")

# Runs in a fresh interpreter with the local settings (the ones `make run` uses), against an
# empty SQLite file, and prints what a browser would get for a mistyped address and the CSS.
PROBE = """
from django.core.management import call_command
import django
django.setup()
call_command("migrate", verbosity=0)
from django.test import Client
client = Client(HTTP_HOST="127.0.0.1")
missing = client.get("/no-such-page/")
css = client.get("/static/dist/livingplan.css")
print(missing.status_code, css.status_code)
print(missing.content.decode())
"""


def run_with_local_settings(tmp_path: Path, **env: str) -> list[str]:
    environment = {key: os.environ[key] for key in INHERITED if key in os.environ}
    environment.update(
        DJANGO_SETTINGS_MODULE="livingplan.config.settings.local",
        LIVINGPLAN_VAR_DIR=str(tmp_path),
        PYTHONPATH=str(PROJECT),
        **env,
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter, fixed script
        [sys.executable, "-c", PROBE], env=environment, capture_output=True, text=True, timeout=120, check=True
    )
    return result.stdout.split("\n", 1)


def test_a_mistyped_address_shows_the_services_own_page_not_a_list_of_urls(tmp_path: Path) -> None:
    statuses, page = run_with_local_settings(tmp_path)

    assert statuses == "404 200"  # the page is missing; the styles still load
    assert "Page not found" in page
    assert "URLconf" not in page  # Django's debug page lists every URL of the service
    assert "no-such-page" not in page


def test_debug_pages_only_when_asked_for(tmp_path: Path) -> None:
    _statuses, page = run_with_local_settings(tmp_path, DEBUG="true")

    assert "URLconf" in page
