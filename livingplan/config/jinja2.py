"""The Jinja2 environment: NHS.UK frontend templates, our macros and a few globals."""

import functools
import re
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.urls import get_script_prefix, get_urlconf, reverse
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, PackageLoader
from markupsafe import Markup

from livingplan.core.forms import error_summary_params, field_params
from livingplan.core.header import page_header
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


NHS_LOGO = re.compile(r'<svg class="nhsuk-header__logo".*?</svg>', re.DOTALL)


def without_nhs_logo(header: str) -> Markup:
    """The NHS.UK header with its NHS logo taken out, for a service no NHS body provides.

    The design system's header always draws the logo; everything else about it stays its own.
    """
    return Markup(NHS_LOGO.sub("", str(header), count=1))  # noqa: S704 - our own rendered, escaped header


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
            "page_header": page_header,
        }
    )
    env.filters.update({"date_long": date_long, "datetime_short": datetime_short, "without_nhs_logo": without_nhs_logo})
    return env
