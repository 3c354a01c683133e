"""Jobs the worker runs now and then beside the outbox: apps above us register them at start-up
(this app cannot import them), the way `people` registers who may see whom.

A job queues messages through `outbox.queue` with keys that make a second run harmless (an
action's reminder is keyed by the action and its due date), so running it again after a crash,
or in two workers at once, never tells anyone twice.
"""

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger("livingplan.notifications")


@dataclass
class Job:
    name: str
    run: Callable[[], int]  # returns how many messages it queued
    every_seconds: float
    last_started: float | None = None  # time.monotonic() in this process


_jobs: dict[str, Job] = {}
_lock = threading.Lock()  # the worker's sweeping thread and its main loop both ask


def register(name: str, run: Callable[[], int], *, every_seconds: float) -> None:
    _jobs[name] = Job(name=name, run=run, every_seconds=every_seconds)


def run_due(*, every_job: bool = False) -> int:
    """Run each job whose interval has passed in this process; `every_job` at a worker's start."""
    queued = 0
    for job in list(_jobs.values()):
        with _lock:
            now = time.monotonic()
            waiting = job.last_started is not None and now - job.last_started < job.every_seconds
            if waiting and not every_job:
                continue
            job.last_started = now
        try:
            queued += job.run()
        except Exception:  # one failing job must not stop the outbox being sent
            log.exception("The periodic job %s failed; it will run again later", job.name)
    return queued
