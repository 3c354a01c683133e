"""The FHIR import's bookkeeping about a person, for their own download (`other-systems.json`):
the identifiers other systems gave them and which records of theirs we made something from."""

from typing import Any

from livingplan.core.viewer import Viewer
from livingplan.interop.models import ExternalIdentifier, ImportedResource
from livingplan.people.models import Person


def other_systems_json(person: Person, viewer: Viewer) -> dict[str, Any]:
    identifiers = ExternalIdentifier.objects.visible_to(viewer).filter(person=person).order_by("pk")
    imported = ImportedResource.objects.visible_to(viewer).filter(person=person).order_by("pk")
    return {
        "identifiers_from_other_systems": [{"system": i.system, "value": i.value} for i in identifiers],
        "imported_from_other_systems": [
            {
                "resource_type": r.resource_type,
                "key": r.key,
                "object_type": r.object_type,
                "object_id": r.object_id,
                "imported_at": r.imported_at.isoformat(),
            }
            for r in imported
        ],
    }
