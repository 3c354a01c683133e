from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from livingplan.home.presenters import home_for


@login_required
def home(request: HttpRequest) -> HttpResponse:
    page = home_for(request.user)  # type: ignore[arg-type]
    return render(request, page.template, {"page": page})
