from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.home.presenters import home_for


@login_required
def home(request: AuthenticatedRequest) -> HttpResponse:
    page = home_for(request.user)
    return render(request, page.template, {"page": page})
