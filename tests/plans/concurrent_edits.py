"""Run many edits of one plan at once against a SQLite *file*, as the demo does; print what happened.

Run in its own process by `test_concurrent_edits.py`: the test suite's SQLite database lives in
memory, where there is no file lock to contend for. This process uses the demo's settings (the
ones a person running `make run` gets) with its database at the path given, so it exercises the
real busy timeout, transaction mode and journal mode. Every edit goes through the test client:
open the form (read the revision it carries), then save it, all threads released together.
"""

import json
import os
import re
import sys
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

EDITS = 200
AT_ONCE = 16  # threads saving at the same moment; each opens the form, then saves it
REVISION = re.compile(r'name="revision" value="(\d+)"')


def main(database: str) -> dict[str, Any]:
    os.environ["DJANGO_SETTINGS_MODULE"] = "livingplan.config.settings.local"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["LIVINGPLAN_VAR_DIR"] = os.path.dirname(database)
    os.environ["DEBUG"] = "0"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["LOG_LEVEL"] = "CRITICAL"  # 500s are counted below, not printed

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, connections
    from django.test import Client

    from livingplan.core.models import AuditEvent
    from livingplan.plans import services
    from livingplan.plans.models import Outcome, Plan
    from tests.personas import build_world

    call_command("migrate", verbosity=0)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # nobody signs in by password
    world = build_world()
    plan = services.start_plan(world.alex_record, by=world.alex)
    start_revision = plan.revision
    writers = [world.alex, world.sam, world.priya, world.dr_jones]
    clients = []
    for number in range(EDITS):
        client = Client(raise_request_exception=False)
        client.force_login(writers[number % len(writers)])
        clients.append(client)
    connection.close()

    url = f"/people/{world.alex_record.pk}/plan/outcomes/add/"
    barrier = threading.Barrier(AT_ONCE)
    outcomes: dict[int, int] = {}

    def edit(number: int) -> None:
        client = clients[number]
        try:
            if number < AT_ONCE:
                barrier.wait()  # the first ones all start together; the rest follow as each finishes
            page = client.get(url)
            found = REVISION.search(page.content.decode()) if page.status_code == 200 else None
            if found is None:
                outcomes[number] = page.status_code if page.status_code != 200 else -1
                return
            data = {"revision": found.group(1), "text": f"Edit number {number}", "importance": "3"}
            outcomes[number] = client.post(url, data).status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=AT_ONCE) as pool:
        list(pool.map(edit, range(EDITS)))

    saved = set(Outcome.objects.filter(plan=plan).values_list("text", flat=True))
    accepted = {n for n, status in outcomes.items() if status == 302}
    audited = AuditEvent.objects.filter(action="plans.outcome.added").count()
    return {
        "statuses": dict(Counter(str(s) for s in outcomes.values())),
        "accepted": len(accepted),
        "saved": len(saved),
        "accepted_but_not_saved": sorted(n for n in accepted if f"Edit number {n}" not in saved),
        "saved_but_not_accepted": sorted(n for n in range(EDITS) if f"Edit number {n}" in saved and n not in accepted),
        "revisions_moved": Plan.objects.get(pk=plan.pk).revision - start_revision,
        "audited": audited,
        "journal_mode": connection.cursor().execute("PRAGMA journal_mode").fetchone()[0],
    }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])))
