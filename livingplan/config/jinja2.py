"""The Jinja2 environment: NHS.UK frontend templates, our macros and a few globals."""

import functools
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.urls import get_script_prefix, get_urlconf, reverse
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, PackageLoader

from livingplan.core.forms import error_summary_params, field_params
from livingplan.core.presenters import change_rows, date_long, datetime_short


def url(name: str, *args: Any, **kwargs: Any) -> str:
    key = (settings.ROOT_URLCONF, get_urlconf(), get_script_prefix(), name, args, tuple(sorted(kwargs.items())))
    try:
        return _reverse(*key)
    except TypeError:  # an argument that cannot be a cache key: reverse it directly
        return reverse(name, args=args or None, kwargs=kwargs or None)


@functools.lru_cache(maxsize=16384)
def _reverse(root: str, urlconf: Any, prefix: str, name: str, args: tuple[Any, ...], kwargs: tuple[Any, ...]) -> str:
    """reverse() is pure for a given URLconf and prefix, and a long plan calls it hundreds of times."""
    return reverse(name, urlconf=urlconf, args=args or None, kwargs=dict(kwargs) or None)


def environment(**options: Any) -> Environment:
    # ChainableUndefined lets the NHS.UK macros read optional nested params.
    options["undefined"] = ChainableUndefined
    options["loader"] = ChoiceLoader([options["loader"], PackageLoader("nhsuk_frontend_jinja")])
    env = Environment(**options)  # noqa: S701 - Django's backend passes autoescape=True
    env.globals.update(
        {
            "url": url,
            "static": staticfiles_storage.url,
            "static_url": settings.STATIC_URL,
            "field_params": field_params,
            "error_summary_params": error_summary_params,
            "change_rows": change_rows,
        }
    )
    env.filters.update({"date_long": date_long, "datetime_short": datetime_short})
    return env
