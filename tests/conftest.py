from collections.abc import Callable

import pytest
from django.test import Client

from tests.personas import World, build_world


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
