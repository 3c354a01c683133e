"""The Jinja2 environment: NHS.UK frontend templates, our macros and a few globals."""

from typing import Any

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.urls import reverse
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, PackageLoader

from livingplan.core.forms import error_summary_params, field_params
from livingplan.core.presenters import date_long, datetime_short


def url(name: str, *args: Any, **kwargs: Any) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


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
        }
    )
    env.filters.update({"date_long": date_long, "datetime_short": datetime_short})
    return env
