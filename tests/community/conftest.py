# The loopback GOV.UK Notify the notifications tests use: "did it help?" goes through the real client.
from tests.notifications.conftest import notify_stub

__all__ = ["notify_stub"]
