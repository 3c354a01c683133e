"""How long browser tests wait: ONE setting, BROWSER_TIMEOUT_SCALE, scales every wait.

Local pages answer in milliseconds, so the base wait is short (5 s, not Playwright's 30 s) to
fail fast. A busy 2-core machine (CI, or a laptop compiling alongside) can be several times
slower: BROWSER_TIMEOUT_SCALE=3 makes each 5 s wait 15 s. Tests wait on conditions (expect,
wait_for_url, load states), never on time, so a larger scale costs nothing when pages are quick.
"""

import os

TIMEOUT_SCALE = float(os.environ.get("BROWSER_TIMEOUT_SCALE", "1"))


def scaled(milliseconds: int) -> int:
    """A wait in milliseconds, scaled like every default one."""
    return int(milliseconds * TIMEOUT_SCALE)


TIMEOUT_MS = scaled(5_000)
