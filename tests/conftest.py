from collections.abc import Callable, Iterator

import pytest
from django.core.cache import caches
from django.test import Client, override_settings
from django_tasks import default_task_backend

from livingplan.documents.tasks import make_document
from tests.personas import World, build_world


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    """Each test's database starts again from empty, reusing primary keys: so must the caches."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture
def client_for(world: World) -> Callable[[str], Client]:
    """A signed-in test client for a persona: `client_for("omar")`."""

    def make(username: str) -> Client:
        client = Client()
        client.force_login(world.persona(username))
        return client

    return make


QUEUE_ONLY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def worker_busy() -> Iterator[Callable[[], int]]:
    """The task worker is busy: tasks are queued, not run (elsewhere they run inside the request).

    The fixture's value runs what is queued, as `db_worker` would."""
    with override_settings(TASKS=QUEUE_ONLY):

        def run_queued() -> int:
            queued = list(default_task_backend.results)  # type: ignore[attr-defined]
            default_task_backend.clear()  # type: ignore[attr-defined]
            for result in queued:
                make_document.call(*result.args)
            return len(queued)

        yield run_queued
