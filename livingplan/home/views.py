from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.home.presenters import home_for


@login_required
def home(request: AuthenticatedRequest) -> HttpResponse:
    # Filter and sort come from a plain GET form and links, so the caseload works without JavaScript.
    page = home_for(request.user, filter_key=request.GET.get("show", "all"), sort=request.GET.get("sort", "name"))
    return render(request, page.template, {"page": page})
