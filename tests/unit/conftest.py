# GOV.UK Notify on a loopback port, for the password reset tests here (its home is tests/notifications).
from tests.notifications.conftest import notify_stub

__all__ = ["notify_stub"]
