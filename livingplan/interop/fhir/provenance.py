"""Co-authorship -> Provenance: one per person who wrote part of the exported plan (the plan's
authorship: each statement, outcome and action's `contributed_by` and `contributor_kind`), its
targets the resources their words are in, `recorded` their latest contribution, and what they wrote
in words (`activity.text`)."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from livingplan.interop.fhir.codes import PROVENANCE_AUTHOR, concept
from livingplan.people.models import Person

NOT_KNOWN = {"display": "Someone no longer on the care team or in the circle"}


@dataclass
class Authorship:
    """What one contributor wrote, gathered by `export` from the rows it exports."""

    user_id: int
    kind: str
    targets: dict[str, None] = field(default_factory=dict)  # references, in order, once each
    parts: Counter[str] = field(default_factory=Counter)
    latest: dt.datetime | None = None

    def add(self, target: str, part: str, at: dt.datetime) -> None:
        self.targets.setdefault(target, None)
        self.parts[part] += 1
        self.latest = at if self.latest is None or at > self.latest else self.latest


def to_fhir(person: Person, plan_id: int, who: Authorship, agent: dict[str, str]) -> dict[str, Any]:
    wrote = "; ".join(f"{part}: {n}" for part, n in who.parts.items())
    return {
        "resourceType": "Provenance",
        "id": f"{plan_id}-author-{who.user_id}",
        "target": [{"reference": t} for t in who.targets],
        "recorded": (who.latest or dt.datetime.now(dt.UTC)).isoformat(),
        "activity": concept(f"Wrote in {person.full_name}'s plan ({wrote})"),
        "agent": [
            {
                "type": concept("Author", {"system": PROVENANCE_AUTHOR, "code": "author"}),
                "role": [concept(who.kind.replace("_", " ").capitalize())],
                "who": agent or NOT_KNOWN,
            }
        ],
    }
