"""Files of the person's download that apps above documents add (issue 15: the FHIR import's
bookkeeping). The layers forbid documents importing them, so they register here from their
AppConfig.ready, as `journeys/facts.py` lets higher apps tell a lower one what they know."""

from collections.abc import Callable
from typing import Any

# (person, viewer) -> what goes into the file as JSON, read through `visible_to(viewer)`.
Part = Callable[[Any, Any], Any]
_PARTS: dict[str, Part] = {}


def register(filename: str, part: Part) -> None:
    _PARTS[filename] = part


def parts() -> dict[str, Part]:
    return dict(sorted(_PARTS.items()))
