from collections.abc import Callable

import pytest
from django.core.cache import caches
from django.test import Client

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
