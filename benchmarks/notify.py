"""Benchmark: draining the notifications outbox through the Notify stub, and a worker killed mid-batch.

Real `livingplan db_worker --batch` processes (SQLite file, database task backend) send through the
real `notifications-python-client` to the loopback stub (`tests/notifications/notify_stub.py`),
which counts every reference. Printed for each run: messages a second (the stub's first to last
message, and the wall time with the workers' start-up), p95 seconds from commit to send, lost
(queued but never at the stub: must be 0) and duplicated (at the stub more than once: must be 0).

1. a backlog of N messages drained by one worker, then another N by two workers at once (commit to
   send here is mostly waiting behind the backlog);
2. one running worker with messages committed one at a time, 5 a second (commit to send as a
   person would meet it);
3. a batch of K messages, the worker SIGKILLed a third of the way through, a new worker started.

N = NOTIFY_BENCH_MESSAGES (default 1,000; the issue's figure is 10,000), K = NOTIFY_KILL_MESSAGES
(default 1,000). Run with `make bench-notify`.
"""

import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.notifications.notify_stub import NotifyStub  # noqa: E402
from tests.notifications.worker_harness import OutboxWorld  # noqa: E402

N = int(os.environ.get("NOTIFY_BENCH_MESSAGES", "1000"))
K = int(os.environ.get("NOTIFY_KILL_MESSAGES", "1000"))


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else (values[0] if values else 0.0)


def report(name: str, world: OutboxWorld, stub: NotifyStub, prefix: str, count: int, wall: float) -> None:
    ats = sorted(a.at for a in stub.accepted if a.reference.startswith(f"{prefix}-"))
    references = {ref: n for ref, n in stub.references().items() if ref.startswith(f"{prefix}-")}
    lost = count - len(references)
    duplicated = sum(n - 1 for n in references.values())
    sending = ats[-1] - ats[0] if len(ats) > 1 else 0.0
    rate = (len(ats) - 1) / sending if sending else 0.0
    latency = world.send_latencies(prefix)
    print(
        f"{name:<34} {count:>6} msgs  {rate:7.1f}/s sending  {count / wall:7.1f}/s with start-up  "
        f"p95 commit->send {p95(latency):6.2f} s  lost {lost}  duplicated {duplicated}"
    )


def drain(world: OutboxWorld, stub: NotifyStub, *, workers: int, prefix: str, count: int) -> None:
    world.queue(count, prefix)
    started = time.monotonic()
    procs = [world.worker() for _ in range(workers)]
    for proc in procs:
        proc.wait()
    name = f"backlog, {workers} worker{'s' if workers > 1 else ''}"
    report(name, world, stub, prefix, count, time.monotonic() - started)


def paced(world: OutboxWorld, stub: NotifyStub, *, count: int) -> None:
    worker = world.worker(batch=False)
    time.sleep(3)  # let it start before the clock does
    started = time.monotonic()
    world.queue(count, "paced", per_second=5)
    deadline = time.monotonic() + 120
    while sum(1 for a in stub.accepted if a.reference.startswith("paced-")) < count and time.monotonic() < deadline:
        time.sleep(0.1)
    worker.send_signal(signal.SIGTERM)
    worker.wait()
    report("1 running worker, 5 commits a second", world, stub, "paced", count, time.monotonic() - started)


def killed(world: OutboxWorld, stub: NotifyStub, *, count: int) -> None:
    world.queue(count, "kill")
    started = time.monotonic()
    first = world.worker()
    while sum(1 for a in stub.accepted if a.reference.startswith("kill-")) < count // 3:
        time.sleep(0.01)
    first.send_signal(signal.SIGKILL)
    first.wait()
    stuck = world.sending_rows()
    at_stub = stub.references()
    print(
        f"SIGKILL after {sum(1 for r in at_stub if r.startswith('kill-'))} of {count}: {len(stuck)} left 'sending', "
        f"{sum(1 for key in stuck if key in at_stub)} of them already at Notify"
    )
    second = world.worker()
    second.wait()
    report("killed mid-batch, restarted", world, stub, "kill", count, time.monotonic() - started)


def main() -> None:
    stub = NotifyStub(delay_seconds=0.005).start()
    world = OutboxWorld(db=Path(tempfile.mkdtemp()) / "bench-notify.sqlite3", stub=stub)
    world.migrate()
    print(f"Outbox through the Notify stub (SQLite file, db_worker --batch); load average {os.getloadavg()[0]:.1f}")
    drain(world, stub, workers=1, prefix="one", count=N)
    drain(world, stub, workers=2, prefix="two", count=N)
    paced(world, stub, count=50)
    killed(world, stub, count=K)
    print(f"Outbox rows by status: {dict(world.statuses())}")
    stub.stop()


if __name__ == "__main__":
    main()
