"""A JSON client for the API tests, and the paths under Alex's record."""

import json
from typing import Any

from django.test import Client

from tests.personas import World

ALEX = "/api/v1/people/{id}"


class Api:
    """A JSON client acting as one persona, by bearer token (default) or by signed-in session."""

    def __init__(self, client: Client, token: str | None = None) -> None:
        self.client = client
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(path, params, headers=self.headers)

    def post(self, path: str, body: Any = None, *, raw: str | bytes | None = None) -> Any:
        return self._send("post", path, body, raw)

    def patch(self, path: str, body: Any = None, *, raw: str | bytes | None = None) -> Any:
        return self._send("patch", path, body, raw)

    def _send(self, method: str, path: str, body: Any, raw: str | bytes | None) -> Any:
        data = raw if raw is not None else json.dumps(body)
        send = getattr(self.client, method)
        return send(path, data, content_type="application/json", headers=self.headers)


def url(world: World, rest: str = "") -> str:
    """`url(world, "/plan")` -> `/api/v1/people/<Alex's id>/plan`."""
    return ALEX.format(id=world.alex_record.pk) + rest
