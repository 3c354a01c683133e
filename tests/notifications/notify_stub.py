"""A loopback stand-in for GOV.UK Notify's v2 API, for the real `notifications-python-client`.

It checks what Notify checks first: the bearer JWT (HS256 with the service's secret, `iss` the
service id, `iat` within 30 seconds), the JSON shape of each endpoint, and keeps every accepted
notification with its `reference`. Like Notify, it does not refuse a reference it has seen:
counting duplicates is the point. `answer_next(429, 500, "hang", ...)` scripts the next POSTs;
"hang" accepts the notification and then answers too late (a timeout after Notify took it).
Also used by `benchmarks/notify.py` and the SIGKILL test, in their own processes.
"""

import base64
import binascii
import json
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

import jwt

REQUIRED = {
    "/v2/notifications/email": {"email_address", "template_id"},
    "/v2/notifications/sms": {"phone_number", "template_id"},
    "/v2/notifications/letter": {"template_id", "personalisation"},
}
OPTIONAL = {
    "/v2/notifications/email": {"personalisation", "reference", "email_reply_to_id", "one_click_unsubscribe_url"},
    "/v2/notifications/sms": {"personalisation", "reference", "sms_sender_id"},
    "/v2/notifications/letter": {"reference"},
}
# The precompiled-letter route: the same address, a PDF instead of a template.
PRECOMPILED_REQUIRED = {"reference", "content"}
PRECOMPILED_OPTIONAL = {"postage"}
ERRORS = {
    400: ("BadRequestError", "Can't send to this recipient using a team-only API key"),
    403: ("AuthError", "Invalid token: API key not found"),
    429: ("RateLimitError", "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds"),
    500: ("Exception", "Internal server error"),
    503: ("ServiceUnavailable", "Service unavailable"),
}


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A worker killed mid-request resets its connection: expected here, not worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@dataclass
class Accepted:
    id: str
    kind: str
    reference: str
    payload: dict[str, Any]
    at: float

    @property
    def pdf(self) -> bytes | None:
        """A precompiled letter's PDF, as Notify would print it."""
        content = self.payload.get("content")
        return base64.b64decode(content) if isinstance(content, str) else None


@dataclass
class NotifyStub:
    service_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    secret: str = field(default_factory=lambda: str(uuid.uuid4()))
    hang_seconds: float = 2.0
    delay_seconds: float = 0.0  # every accepted message answers this much later (a slower Notify)
    # Called with each accepted message before it is answered (a test's chance to break something).
    on_accept: Callable[[Accepted], None] | None = None
    accepted: list[Accepted] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)
    lookups: list[str] = field(default_factory=list)
    _script: list[int | str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: _Server | None = None

    @property
    def api_key(self) -> str:
        return f"livingplan_test-{self.service_id}-{self.secret}"

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def answer_next(self, *answers: int | str) -> None:
        with self._lock:
            self._script.extend(answers)

    def references(self) -> Counter[str]:
        with self._lock:
            return Counter(a.reference for a in self.accepted)

    def duplicates(self) -> int:
        return sum(n - 1 for n in self.references().values() if n > 1)

    def start(self) -> "NotifyStub":
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go as separate writes: with Nagle on, each answer waited ~40 ms for an ACK.
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def do_POST(self) -> None:
                stub._post(self)

            def do_GET(self) -> None:
                stub._get(self)

        self._server = _Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True, name="notify-stub").start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    # --- the API -------------------------------------------------------------------------------

    def _reply(self, handler: BaseHTTPRequestHandler, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout): what matters is what was accepted

    def _error(self, handler: BaseHTTPRequestHandler, status: int, message: str | None = None) -> None:
        kind, default = ERRORS.get(status, ("BadRequestError", "Bad request"))
        with self._lock:
            self.refused.append((status, message or default))
        self._reply(
            handler, status, {"errors": [{"error": kind, "message": message or default}], "status_code": status}
        )

    def _auth_problem(self, handler: BaseHTTPRequestHandler) -> str | None:
        header = handler.headers.get("Authorization", "")
        if not header.startswith("Bearer "):
            return "Unauthorized: authentication token must be provided"
        token = header.removeprefix("Bearer ")
        try:
            if jwt.get_unverified_header(token).get("alg") != "HS256":
                return "Invalid token: algorithm used is not HS256"
            claims = jwt.decode(token, self.secret, algorithms=["HS256"], options={"verify_iat": False})
        except jwt.PyJWTError:
            return "Invalid token: signature, api token not found"
        if claims.get("iss") != self.service_id:
            return "Invalid token: service not found"
        if abs(time.time() - float(claims.get("iat", 0))) > 30:
            return "Error: Your system clock must be accurate to within 30 seconds"
        return None

    def _get(self, handler: BaseHTTPRequestHandler) -> None:
        if problem := self._auth_problem(handler):
            return self._error(handler, 403, problem)
        url = urlparse(handler.path)
        if url.path != "/v2/notifications":
            return self._error(handler, 404, "Not found")
        reference = parse_qs(url.query).get("reference", [""])[0]
        with self._lock:
            self.lookups.append(reference)
            found = [a for a in self.accepted if a.reference == reference]
        notifications = [{"id": a.id, "reference": a.reference, "type": a.kind, "status": "created"} for a in found]
        self._reply(handler, 200, {"notifications": notifications, "links": {}})

    def _post(self, handler: BaseHTTPRequestHandler) -> None:
        body = handler.rfile.read(int(handler.headers.get("Content-Length", "0")))
        if problem := self._auth_problem(handler):
            return self._error(handler, 403, problem)
        path = urlparse(handler.path).path
        if path not in REQUIRED:
            return self._error(handler, 404, "Not found")
        try:
            payload = json.loads(body)
        except ValueError:
            return self._error(handler, 400, "Invalid JSON")
        if problem := self._shape_problem(path, payload):
            return self._error(handler, 400, problem)
        with self._lock:
            answer = self._script.pop(0) if self._script else 201
        if isinstance(answer, int) and answer != 201:
            return self._error(handler, answer)
        accepted = Accepted(
            id=str(uuid.uuid4()),
            kind=path.rsplit("/", 1)[1],
            reference=payload.get("reference", ""),
            payload=payload,
            at=time.time(),
        )
        with self._lock:
            self.accepted.append(accepted)
        if self.on_accept is not None:
            self.on_accept(accepted)
        if answer == "hang":
            time.sleep(self.hang_seconds)
        elif self.delay_seconds:
            time.sleep(self.delay_seconds)
        if accepted.pdf is not None:  # Notify answers a precompiled letter with its id, reference and postage
            answer_body: dict[str, Any] = {"id": accepted.id, "reference": accepted.reference, "postage": "second"}
        else:
            answer_body = {"id": accepted.id, "reference": accepted.reference, "content": {}, "uri": ""}
        self._reply(handler, 201, answer_body)

    def _precompiled_problem(self, payload: dict[str, Any]) -> str | None:
        keys = set(payload)
        if missing := PRECOMPILED_REQUIRED - keys:
            return f"{', '.join(sorted(missing))} is a required property"
        if extra := keys - PRECOMPILED_REQUIRED - PRECOMPILED_OPTIONAL:
            return f"Additional properties are not allowed ({', '.join(sorted(extra))} were unexpected)"
        if not isinstance(payload["reference"], str) or not payload["reference"]:
            return "reference is a required property"
        try:
            pdf = base64.b64decode(payload["content"], validate=True)
        except (binascii.Error, TypeError, ValueError):
            return "Cannot decode letter content"
        if not pdf.startswith(b"%PDF-") or b"%%EOF" not in pdf[-1024:]:
            return "Letter content is not a valid PDF"
        return None

    def _shape_problem(self, path: str, payload: Any) -> str | None:
        if not isinstance(payload, dict):
            return "JSON body must be an object"
        if path.endswith("/letter") and "content" in payload:
            return self._precompiled_problem(payload)
        keys = set(payload)
        if missing := REQUIRED[path] - keys:
            return f"{', '.join(sorted(missing))} is a required property"
        if extra := keys - REQUIRED[path] - OPTIONAL[path]:
            return f"Additional properties are not allowed ({', '.join(sorted(extra))} were unexpected)"
        try:
            uuid.UUID(payload["template_id"])
        except (ValueError, TypeError):
            return "template_id is not a valid UUID"
        personalisation = payload.get("personalisation", {})
        if not isinstance(personalisation, dict):
            return "personalisation must be an object"
        if "reference" in payload and not isinstance(payload["reference"], str):
            return "reference must be a string"
        if path.endswith("/letter"):
            lines = [personalisation.get(f"address_line_{n}") for n in range(1, 8)]
            if sum(1 for line in lines if line) < 3:
                return "Address must be at least 3 lines"
        return None
