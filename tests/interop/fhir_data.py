"""The shared FHIR R4 test data, read where the project keeps it: `settings.LIVINGPLAN_FHIR_TEST_DATA`,
else `../shared/data/fhir` beside the project root (a worktree sits one folder deeper, so the
nearest ancestor holding it is used). Never copied into the project."""

import csv
from pathlib import Path

from django.conf import settings

import livingplan

PROJECT = Path(livingplan.__file__).resolve().parents[1]
COUNTED = (
    "Patient",
    "CarePlan",
    "Goal",
    "CareTeam",
    "Condition",
    "Consent",
    "Questionnaire",
    "QuestionnaireResponse",
    "Task",
)


def _find() -> Path:
    if settings.LIVINGPLAN_FHIR_TEST_DATA:
        return Path(settings.LIVINGPLAN_FHIR_TEST_DATA)
    for folder in PROJECT.parents:
        candidate = folder / "shared" / "data" / "fhir"
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"No shared/data/fhir beside {PROJECT} or above it: the tests need it")


FHIR = _find()
SYNTHEA = FHIR / "synthea"


def manifest() -> dict[str, dict[str, int]]:
    """Each file's resource counts, by file name (the manifest's paths are the sources' own)."""
    with (FHIR / "MANIFEST.csv").open() as f:
        return {Path(row["file"]).name: {k: int(row[k]) for k in COUNTED} for row in csv.DictReader(f)}


def data_files() -> list[Path]:
    """Every file of FHIR data (not the README and manifest that describe them)."""
    return sorted(p for p in FHIR.rglob("*") if p.is_file() and p.parent != FHIR)
