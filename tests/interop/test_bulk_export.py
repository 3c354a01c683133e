"""`livingplan fhir_export --out DIR`: NDJSON per resource type, every line a valid resource."""

import json
from io import StringIO
from pathlib import Path

from django.core.management import call_command

from livingplan.interop.fhir import checks
from livingplan.plans.models import Plan


def test_every_plan_is_written_as_ndjson_one_file_per_type(plan: Plan, tmp_path: Path) -> None:
    out = StringIO()
    call_command("fhir_export", "--out", str(tmp_path), stdout=out)
    files = {p.name: p.read_text().splitlines() for p in tmp_path.iterdir()}
    assert {"Patient.ndjson", "CarePlan.ndjson", "Goal.ndjson", "CareTeam.ndjson"} <= set(files)
    assert len(files["Goal.ndjson"]) == 2
    problems = [p for lines in files.values() for line in lines for p in checks.problems(json.loads(line), "line")]
    assert problems == []
    assert "1 plans written" in out.getvalue()
