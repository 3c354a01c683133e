"""The directory for everyone signed in: search it, and open one resource."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.community import rules
from livingplan.community.forms import SearchForm
from livingplan.community.models import Resource
from livingplan.community.presenters import directory
from livingplan.community.search import Query


@login_required
@require_GET
def resource(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Resource.objects.prefetch_related("tags"), pk=pk)
    page = directory.resource_page(found, may_edit=rules.may_maintain_directory(request.user))
    return render(request, "community/resource.jinja", {"page": page})


@login_required
@require_GET
def search(request: AuthenticatedRequest) -> HttpResponse:
    """A plain GET form: the results are a page of their own, bookmarkable, with no script."""
    form = SearchForm(request.GET)
    valid = form.is_valid()
    query = Query(**{"district" if k == "area" else k: v for k, v in form.cleaned_data.items()}) if valid else None
    page = directory.search_page(query, viewer=request.user, may_maintain=rules.may_maintain_directory(request.user))
    return render(request, "community/search.jinja", {"form": form, "page": page}, status=200 if valid else 400)
