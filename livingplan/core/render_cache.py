"""Keep the output of an expensive rendering for as long as what it was built from is unchanged.

The caller names everything the output depends on (`depends_on`); the output is reused only
while all of it is equal. Nothing is ever invalidated: a change makes a new key, and the old
entry ages out. So a key must include a version that every write moves on (for a plan, its
revision, bumped by every service that changes it) plus anything else the output shows that
can change without that version moving (the viewer, their sharing groups, today's date).

Keys are hashes, so no personal data appears in them. The values are personal data: the
cache must be in-process memory or a store with the same protection as the database (ADR-013).
"""

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.cache import caches

ALIAS = "render"


def _key(namespace: str, depends_on: Iterable[Any]) -> str:
    digest = hashlib.sha256(repr(tuple(depends_on)).encode()).hexdigest()
    return f"{namespace}:{digest}"


def cached_text(namespace: str, depends_on: Iterable[Any], build: Callable[[], str]) -> str:
    """`build()`'s text, made once for each distinct `depends_on`."""
    cache = caches[ALIAS]
    key = _key(namespace, depends_on)
    text = cache.get(key)
    if text is None:
        text = build()
        cache.set(key, text, timeout=settings.RENDER_CACHE_SECONDS)
    return str(text)
