"""A person's plan and the local things its actions are linked to; linking one; "did it help?".

Thin: the person through `Person.objects.visible_to`, the action and link through theirs and the
person's sharing choices; anything the viewer may not see is a 404 that says nothing more.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.community import rules, services
from livingplan.community.forms import AnswerForm, LinkForm, SearchForm
from livingplan.community.models import Resource, ResourceLink
from livingplan.community.presenters import links
from livingplan.community.search import Query, running
from livingplan.core.formpage import form_page
from livingplan.people.models import Person
from livingplan.plans.models import Action


def _person(request: AuthenticatedRequest, person_pk: int) -> Person:
    return get_object_or_404(Person.objects.visible_to(request.user), pk=person_pk)


def _action(request: AuthenticatedRequest, person: Person, action_pk: int) -> Action:
    found = links.shared_actions_of(person, request.user).filter(pk=action_pk).first()
    if found is None:
        raise Http404
    return found


@login_required
@require_GET
def person_links(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = _person(request, person_pk)
    page = links.person_links_page(person, viewer=request.user)
    return render(request, "community/person_links.jinja", {"page": page})


def _query(request: AuthenticatedRequest, person: Person, action: Action) -> tuple[SearchForm, Query]:
    if not request.GET:
        default = links.default_query(person, action)
        return SearchForm(initial={"need": default.need, "area": default.district}), default
    form = SearchForm(request.GET)
    if not form.is_valid():
        return form, Query()
    data = form.cleaned_data
    return form, Query(need=data["need"], tag=data["tag"], district=data["area"])


@login_required
@require_http_methods(["GET", "POST"])
def link(request: AuthenticatedRequest, person_pk: int, action_pk: int) -> HttpResponse:
    person = _person(request, person_pk)
    action = _action(request, person, action_pk)
    if not rules.may_link(request.user, person):
        raise PermissionDenied
    search_form, query = _query(request, person, action)
    page = links.choose_page(person, action, query)
    choices = [(str(c.id), c.name) for c in page.cards]
    if request.method == "POST":  # a resource chosen from an earlier list may be any that is running
        choices = [(str(pk), name) for pk, name in running().values_list("pk", "name")]
    form = LinkForm(request.POST if request.method == "POST" else None, choices=choices)

    def save(data: dict[str, str]) -> ResourceLink:
        resource = get_object_or_404(Resource, pk=int(data["resource"]))
        return services.link_resource(action, resource, by=request.user, audit=request.audit)

    return form_page(
        request,
        form,
        template="community/link.jinja",
        save=save,
        success_url=reverse("community:person", args=[person.pk]),
        success_message="Linked. We will ask whether it helped in a few weeks.",
        context={"page": page, "search_form": search_form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def did_it_help(request: AuthenticatedRequest, person_pk: int, pk: int) -> HttpResponse:
    person = _person(request, person_pk)
    shared = links.shared_actions_of(person, request.user)
    found = get_object_or_404(
        ResourceLink.objects.visible_to(request.user).select_related("resource", "action"),
        person=person,
        pk=pk,
        action__in=shared,
    )
    if not rules.may_answer(request.user, person):
        raise PermissionDenied  # they may see the link; only the person answers
    form = AnswerForm(request.POST if request.method == "POST" else None)
    return form_page(
        request,
        form,
        template="community/did_it_help.jinja",
        save=lambda data: services.answer_did_it_help(found, by=request.user, audit=request.audit, **data),
        success_url=reverse("community:person", args=[person.pk]),
        success_message="Thank you. Your answer is saved.",
        context={"page": links.question_page(person, found, viewer=request.user)},
    )
