"""Views, the API, presenters and documents reach personal data only through `visible_to(user)`.

The rule, the same everywhere: a person's rows are read through `Model.objects.visible_to(viewer)`,
or through a related manager of an object that was itself read that way (`plan.statements`,
`person.care_team`). The lint enforces the first half and trusts the second: the syntax tree
names a model's manager (`Statement.objects`) but cannot tell, without types, where the receiver
of a related manager came from; review checks that. Presenters take the plan or person their
view loaded through `visible_to`, so reading its rows through its related managers reads exactly
the rows the API reads through `visible_to`, with no second access check in every query and the
same number of queries (the page and API tests assert the counts).

Walks every view, API, presenter and documents module's syntax tree and fails on:

- `<Model>.<manager>` not followed by `.visible_to(...)`, for any manager of a model whose
  class sets `holds_personal_data = True` (`Person.objects.get(...)`, `Person.objects.all()`,
  `SharingConsent.current.filter(...)`, or `Person.objects` passed along bare);
- `<Model>._default_manager` / `<Model>._base_manager`, whatever follows;
- `get_object_or_404(<Model>, ...)` / `get_list_or_404(<Model>, ...)`, which use the default manager.

Models are recognised by name, including `import ... as` aliases and `module.Model`. A
receiver that is not plainly a model without personal data (`MODELS[kind].objects`,
`self.model.objects`, `model.objects`) is treated as one that has it: a lookup the lint cannot
follow must go through `visible_to` too. Related managers (`person.care_team.all()`) cannot be
seen without types; review catches those.
"""

import ast
from collections.abc import Set
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps

import livingplan

PACKAGE = Path(livingplan.__file__).parent
ROOT = PACKAGE.parent
ALLOWED = "visible_to"
ALWAYS_BYPASS = {"_default_manager", "_base_manager"}
SHORTCUTS = {"get_object_or_404", "get_list_or_404"}


def other_model_names() -> set[str]:
    """Names of models that hold no personal data: their managers may be used freely."""
    return {model.__name__ for model in apps.get_models() if not getattr(model, "holds_personal_data", False)}


def personal_data_models() -> dict[str, set[str]]:
    """Class name -> names of its managers, for every model holding personal data."""
    return {
        model.__name__: {manager.name for manager in model._meta.managers}
        for model in apps.get_models()
        if getattr(model, "holds_personal_data", False)
    }


# The document worker reads its own job row by id before it knows whose it is, then loads
# everything else through `visible_to(made.viewer)`: no user is in front of it to narrow by.
# The letter renderer (worker, at send time) loads the plan of the person the outbox row is
# about, to post them their own copy: every part of it is theirs, and nobody is in front of it.
NOT_LINTED = {"livingplan/documents/tasks.py", "livingplan/documents/letters.py"}


def linted_modules() -> list[Path]:
    found: set[Path] = set()
    found.update(PACKAGE.glob("**/views.py"))
    found.update(PACKAGE.glob("**/views/*.py"))
    found.update(PACKAGE.glob("**/api*.py"))
    found.update(PACKAGE.glob("api/**/*.py"))
    found.update(PACKAGE.glob("**/presenters.py"))
    found.update(PACKAGE.glob("**/presenters/*.py"))
    found.update(PACKAGE.glob("documents/**/*.py"))
    return sorted(
        path for path in found if "migrations" not in path.parts and str(path.relative_to(ROOT)) not in NOT_LINTED
    )


@dataclass(frozen=True)
class Violation:
    filename: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.filename}:{self.line}: {self.message}"


def lint(source: str, filename: str, models: dict[str, set[str]], others: Set[str] = frozenset()) -> list[Violation]:
    """`models`: personal-data model name -> its manager names; `others`: names of models without personal data."""
    tree = ast.parse(source, filename=filename)
    check = _Checker(filename, models, others, _model_aliases(tree, models))
    # `X.objects` nodes that are immediately followed by `.visible_to`.
    narrowed = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Attribute) and node.attr == ALLOWED}
    violations = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            violations += check.attribute(node, narrowed=id(node) in narrowed)
        elif isinstance(node, ast.Call) and node.args:
            violations += check.shortcut(node)
    return sorted(violations, key=lambda v: v.line)


@dataclass(frozen=True)
class _Checker:
    filename: str
    models: dict[str, set[str]]
    others: Set[str]
    aliases: dict[str, str]

    def model_named(self, node: ast.AST) -> str | None:
        if isinstance(node, ast.Name):
            return self.aliases.get(node.id, node.id if node.id in self.models else None)
        if isinstance(node, ast.Attribute) and node.attr in self.models:  # people.models.Person
            return node.attr
        return None

    def unknown_model(self, node: ast.AST) -> str | None:
        """A receiver of `.objects` that names no model at all: a dict lookup, a call, a variable."""
        if isinstance(node, ast.Name | ast.Attribute):
            name = node.id if isinstance(node, ast.Name) else node.attr
            if name in self.others or name in self.models or name in self.aliases:
                return None
        return ast.unparse(node)

    def attribute(self, node: ast.Attribute, *, narrowed: bool) -> list[Violation]:
        """`<Model>.<manager>` not narrowed by `.visible_to`, or a manager that bypasses it."""
        model = self.model_named(node.value)
        if model is None and (node.attr == "objects" or node.attr in ALWAYS_BYPASS):
            model = self.unknown_model(node.value)
            if model is not None and node.attr == "objects":
                return [] if narrowed else [self.violation(node, f"{model}.objects used without .visible_to(user)")]
        if model is None:
            return []
        if node.attr in ALWAYS_BYPASS:
            return [self.violation(node, f"{model}.{node.attr} bypasses visible_to(user)")]
        if node.attr in self.models.get(model, ()) and not narrowed:
            return [self.violation(node, f"{model}.{node.attr} used without .visible_to(user)")]
        return []

    def shortcut(self, node: ast.Call) -> list[Violation]:
        """`get_object_or_404(<Model>, ...)`, which reads through the default manager."""
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        model = self.model_named(node.args[0])
        if name in SHORTCUTS and model is not None:
            return [self.violation(node, f"{name}({model}, ...) uses the default manager; pass a visible_to queryset")]
        return []

    def violation(self, node: ast.expr, message: str) -> Violation:
        return Violation(self.filename, node.lineno, message)


def _model_aliases(tree: ast.AST, models: dict[str, set[str]]) -> dict[str, str]:
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            for name in node.names:
                if name.name in models and name.asname:
                    aliases[name.asname] = name.name
    return aliases


def lint_project() -> list[Violation]:
    models, others = personal_data_models(), other_model_names()
    violations = []
    for path in linted_modules():
        violations.extend(lint(path.read_text(), str(path.relative_to(ROOT)), models, others))
    return violations


# --- The lint, run over the project ----------------------------------------------------------


def test_views_api_presenters_and_documents_read_personal_data_only_through_visible_to() -> None:
    violations = lint_project()
    assert violations == [], "\n".join(str(v) for v in violations)


def test_the_lint_knows_every_model_that_holds_personal_data() -> None:
    assert {"Person", "CareTeamMember", "CircleMember", "SharingConsent", "AuditEvent"} <= set(personal_data_models())
    assert "User" not in personal_data_models()


def test_the_lint_reads_the_view_presenter_and_document_modules_that_exist() -> None:
    modules = {str(path.relative_to(ROOT)) for path in linted_modules()}
    assert {"livingplan/people/views.py", "livingplan/home/views.py", "livingplan/accounts/views.py"} <= modules
    assert {
        "livingplan/people/presenters.py",
        "livingplan/plans/presenters/plan.py",
        "livingplan/documents/presenters/subject_access.py",
        "livingplan/documents/background.py",
        "livingplan/documents/rendering.py",
    } <= modules
    assert not modules & NOT_LINTED


# --- The lint itself: it must catch what it claims to ----------------------------------------

MODELS = {"Person": {"objects"}, "SharingConsent": {"objects", "current"}, "AuditEvent": {"objects"}}
OTHERS = {"Organisation", "TOTPDevice"}


def lint_snippet(source: str) -> list[str]:
    return [v.message for v in lint(source, "snippet.py", MODELS, OTHERS)]


def test_the_lint_catches_a_view_that_fetches_a_person_without_visible_to() -> None:
    bad = """
from livingplan.people.models import Person

def detail(request, pk):
    person = Person.objects.get(pk=pk)
    return render(request, "people/detail.jinja", {"person": person})
"""
    assert lint_snippet(bad) == ["Person.objects used without .visible_to(user)"]


def test_the_lint_catches_every_way_round_visible_to() -> None:
    bad = """
from django.shortcuts import get_object_or_404
from livingplan.people import models
from livingplan.people.models import Person as P, SharingConsent

P.objects.all()
P.objects.filter(pk=1).visible_to(user)
models.Person.objects.count()
Person._default_manager.visible_to(user)
SharingConsent.current.filter(person=person)
AuditEvent._base_manager.all()
get_object_or_404(Person, pk=1)
qs = Person.objects
"""
    assert lint_snippet(bad) == [
        "Person.objects used without .visible_to(user)",
        "Person.objects used without .visible_to(user)",
        "Person.objects used without .visible_to(user)",
        "Person._default_manager bypasses visible_to(user)",
        "SharingConsent.current used without .visible_to(user)",
        "AuditEvent._base_manager bypasses visible_to(user)",
        "get_object_or_404(Person, ...) uses the default manager; pass a visible_to queryset",
        "Person.objects used without .visible_to(user)",
    ]


def test_the_lint_catches_a_model_it_cannot_name_read_without_visible_to() -> None:
    bad = """
TARGETS = {"statement": Statement, "outcome": Outcome}
item = get_object_or_404(TARGETS[kind].objects.filter(plan=plan), pk=item_pk)
rows = self.model.objects.all()
first = model.objects.first()
"""
    assert lint_snippet(bad) == [
        "TARGETS[kind].objects used without .visible_to(user)",
        "self.model.objects used without .visible_to(user)",
        "model.objects used without .visible_to(user)",
    ]


def test_the_lint_catches_a_model_it_cannot_name_read_through_a_bypassing_manager() -> None:
    assert lint_snippet("rows = self.model._default_manager.all()") == [
        "self.model._default_manager bypasses visible_to(user)"
    ]


def test_the_lint_allows_related_managers_of_an_object_read_through_visible_to() -> None:
    good = """
plan = get_object_or_404(Plan.objects.visible_to(request.user), person_id=pk)
statements = plan.statements.filter(section=section)
scores = plan.outcomes.prefetch_related("scores")
"""
    assert lint_snippet(good) == []


def test_the_lint_allows_a_model_it_cannot_name_read_through_visible_to() -> None:
    good = "item = get_object_or_404(TARGETS[kind].objects.visible_to(request.user).filter(plan=plan), pk=pk)"
    assert lint_snippet(good) == []


def test_the_lint_allows_reads_through_visible_to_and_models_without_personal_data() -> None:
    good = """
from livingplan.people.models import Person

person = get_object_or_404(Person.objects.visible_to(request.user).select_related("lead_organisation"), pk=pk)
events = AuditEvent.objects.visible_to(request.user).about_person(person.pk)
orgs = Organisation.objects.all()
device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
raise Person.DoesNotExist
"""
    assert lint_snippet(good) == []


def test_the_lint_reports_the_file_and_line() -> None:
    [violation] = lint("\n\nPerson.objects.first()\n", "livingplan/api/people.py", MODELS)
    assert str(violation) == "livingplan/api/people.py:3: Person.objects used without .visible_to(user)"
