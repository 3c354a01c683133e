"""Production settings pass Django's deployment checklist, and refuse to start half-configured."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

import livingplan

LIVINGPLAN = Path(sys.executable).with_name("livingplan")
# Check the code under test, wherever it was imported from, not whatever the venv points at.
PROJECT = Path(livingplan.__file__).resolve().parents[1]


# Only what a process needs to run; nothing the test run itself set (such as the browser
# tests' DJANGO_ALLOW_ASYNC_UNSAFE) may leak into what a real deployment would see.
INHERITED = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")


def run_deploy_check(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {key: os.environ[key] for key in INHERITED if key in os.environ}
    environment.update(
        DJANGO_SETTINGS_MODULE="livingplan.config.settings.production",
        LIVINGPLAN_VAR_DIR=str(tmp_path),
        PYTHONPATH=str(PROJECT),
        **env,
    )
    return subprocess.run(  # noqa: S603 - our own console script, fixed arguments
        [str(LIVINGPLAN), "check", "--deploy", "--fail-level", "WARNING"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def secret_key() -> str:
    return secrets.token_urlsafe(50)  # 67 random characters


def test_production_passes_the_deploy_checklist_with_no_warnings(tmp_path: Path, secret_key: str) -> None:
    result = run_deploy_check(tmp_path, SECRET_KEY=secret_key, ALLOWED_HOSTS="livingplan.example.org")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path: Path) -> None:
    result = run_deploy_check(tmp_path, ALLOWED_HOSTS="livingplan.example.org")

    assert result.returncode != 0
    assert "Set SECRET_KEY in the environment." in result.stderr


def test_production_refuses_to_start_without_allowed_hosts(tmp_path: Path, secret_key: str) -> None:
    result = run_deploy_check(tmp_path, SECRET_KEY=secret_key)

    assert result.returncode != 0
    assert "Set ALLOWED_HOSTS in the environment." in result.stderr
