"""The person chooses who sees which parts of their plan; and their one-page profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.plans import rules, services
from livingplan.plans.forms import SharingForm
from livingplan.plans.presenters.plan import build_plan_page
from livingplan.plans.sections import DEFAULTS_EXPLAINED, SharingGroup
from livingplan.plans.sharing import groups_visible_to
from livingplan.plans.sharing_audiences import audiences_for
from livingplan.plans.views._load import person_for, plan_for, require_group, today


@login_required
def sharing(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = person_for(request, person_pk)
    standing = rules.sharing_standing(request.user, person)
    if not standing.may_decide:
        # Only the person, or who decides for them, has this page; for anyone else it does not exist.
        raise Http404
    audiences = audiences_for(person)
    form = SharingForm(request.POST or None, audiences=[(a.key, a.label, a.groups) for a in audiences])
    if request.method == "POST" and form.is_valid():
        # Only the audiences whose choices changed: the others keep following the defaults.
        changed = [
            services.AudienceChoice(
                services.exactly(set(form.cleaned_data[a.key])),
                circle_member=a.circle_member,
                organisation=a.organisation,
            )
            for a in audiences
            if set(form.cleaned_data[a.key]) != a.groups
        ]
        services.save_sharing_choices(person, by=request.user, choices=changed, audit=request.audit)
        if standing.on_behalf:
            messages.success(request, f"The sharing choices you made for {person.name_to_use} are saved.")
        else:
            messages.success(request, "Your sharing choices are saved.")
        return redirect("plans:sharing", person_pk=person.pk)
    context = {
        "person": person,
        "form": form,
        "audiences": audiences,
        "explained": DEFAULTS_EXPLAINED,
        "standing": standing,
    }
    return render(request, "plans/sharing.jinja", context)


@login_required
@require_safe  # accepting or declining a suggestion is decide_statement's, with the revision
def about_me(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    plan = plan_for(request, person_pk)
    require_group(request, plan, SharingGroup.ABOUT_ME)
    services.record_plan_viewed(plan, by=request.user, audit=request.audit, what="about_me")
    page = build_plan_page(
        plan,
        viewer=request.user,
        groups=groups_visible_to(request.user, plan.person),
        today=today(),
        suggestions=True,
    )
    context = {
        "person": plan.person,
        "plan": plan,  # its revision goes with each accept or decline
        "page": page,
        "is_self": rules.is_the_person(request.user, plan.person),
        "can_contribute": rules.can_contribute(request.user, plan.person),
    }
    return render(request, "plans/about_me.jinja", context)
