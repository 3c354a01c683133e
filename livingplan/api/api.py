"""The API object: routers, authentication, error handling and offline docs, all in one place."""

from ninja import NinjaAPI

from livingplan.api import auth, errors
from livingplan.api.docs import OfflineSwagger
from livingplan.api.routes import about_me, budgets, lifecycle, notes, outcomes, people, plan, reviews

api = NinjaAPI(
    title="Living Plan API",
    version="1",
    description=(
        "People you may see and their living plans. Sign in (session, with the CSRF token on writes) "
        "or send `Authorization: Bearer <token>` from `livingplan create_token`. A person you may not see "
        "is a 404; a part of a plan not shared with you is absent. Every write names `expected_revision` "
        "and is refused with 409 if the plan has moved on."
    ),
    urls_namespace="api",
    auth=auth.READ,
    docs=OfflineSwagger(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
errors.install(api)
for router in (
    people.router,
    plan.router,
    lifecycle.router,
    outcomes.router,
    about_me.router,
    notes.router,
    reviews.router,
    budgets.router,
):
    api.add_router("/people", router)
