"""The shape every simple form page shares: show, validate, call one service, redirect."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render


def form_page(
    request: HttpRequest,
    form: forms.Form,
    *,
    template: str,
    save: Callable[[dict[str, Any]], object],
    success_url: str,
    success_message: str,
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                save(form.cleaned_data)
            except ValidationError as error:
                # Model validation (uniqueness, check digits) lands on the matching field when it can.
                if hasattr(error, "error_dict"):
                    for name, errors in error.error_dict.items():
                        form.add_error(name if name in form.fields else None, errors)
                else:
                    form.add_error(None, error)
            else:
                messages.success(request, success_message)
                return redirect(success_url)
        status = 400
    return render(request, template, {"form": form, **(context or {})}, status=status)
