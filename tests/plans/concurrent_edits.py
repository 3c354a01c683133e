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
    from livingplan.plans.models import ActionStatus, Layer, Outcome, Plan
    from tests.personas import build_world

    call_command("migrate", verbosity=0)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # nobody signs in by password
    world = build_world()
    plan = services.start_plan(world.alex_record, by=world.alex)
    first = services.add_outcome(plan, by=world.alex, text="Walk to the shop")
    action = services.add_action(first, by=world.priya, what="Physio", owner_name="Priya", layer=Layer.SPECIALIST)
    plan.refresh_from_db()
    start_revision = plan.revision
    statuses = [s for s in ActionStatus if s != ActionStatus.NOT_STARTED]
    writers = [world.alex, world.sam, world.priya, world.dr_jones]
    clients = []
    for number in range(EDITS):
        client = Client(raise_request_exception=False)
        client.force_login(writers[number % len(writers)])
        clients.append(client)
    connection.close()

    add_url = f"/people/{world.alex_record.pk}/plan/outcomes/add/"
    status_url = f"/people/{world.alex_record.pk}/plan/actions/{action.pk}/status/"
    barrier = threading.Barrier(AT_ONCE)
    outcomes: dict[int, int] = {}

    def edit(number: int) -> None:
        client = clients[number]
        try:
            if number < AT_ONCE:
                barrier.wait()  # the first ones all start together; the rest follow as each finishes
            # Half add an outcome, half say how the one action is going: two kinds of write.
            url = add_url if number % 2 == 0 else status_url
            page = client.get(url)
            found = REVISION.search(page.content.decode()) if page.status_code == 200 else None
            if found is None:
                outcomes[number] = page.status_code if page.status_code != 200 else -1
                return
            data = {"revision": found.group(1), "text": f"Edit number {number}", "importance": "3"}
            if url == status_url:
                data = {"revision": found.group(1), "status": statuses[number % len(statuses)]}
            outcomes[number] = client.post(url, data).status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=AT_ONCE) as pool:
        list(pool.map(edit, range(EDITS)))

    saved = set(Outcome.objects.filter(plan=plan).exclude(pk=first.pk).values_list("text", flat=True))
    accepted = {n for n, status in outcomes.items() if status == 302}
    added = {n for n in accepted if n % 2 == 0}
    changes = AuditEvent.objects.filter(action="plans.action.status_changed").order_by("-pk")
    action.refresh_from_db()
    return {
        "statuses": dict(Counter(str(s) for s in outcomes.values())),
        "accepted": len(accepted),
        "outcomes_accepted": len(added),
        "outcomes_saved": len(saved),
        "accepted_but_not_saved": sorted(n for n in added if f"Edit number {n}" not in saved),
        "saved_but_not_accepted": sorted(n for n in range(EDITS) if f"Edit number {n}" in saved and n not in accepted),
        "status_changes_accepted": len(accepted - added),
        "status_changes_in_history": changes.count(),
        # The status stored is the one the last accepted change set: no later write was lost under it.
        "last_status_kept": not changes.exists() or changes[0].detail["status"] == action.status,
        "revisions_moved": Plan.objects.get(pk=plan.pk).revision - start_revision,
        "journal_mode": connection.cursor().execute("PRAGMA journal_mode").fetchone()[0],
    }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])))
