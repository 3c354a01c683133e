"""Settings shared by every environment; each value that differs comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, SELF

PACKAGE_DIR = Path(__file__).resolve().parents[2]
BASE_DIR = PACKAGE_DIR.parent
VAR_DIR = Path(os.environ.get("LIVINGPLAN_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    # Before django_tasks_db: its `db_worker` command is this app's, which also sends the outbox.
    "livingplan.notifications",
    "django_tasks_db",
    "livingplan.core",
    "livingplan.accounts",
    "livingplan.people",
    "livingplan.plans",
    "livingplan.journeys",
    "livingplan.conversations",
    "livingplan.appointments",
    "livingplan.community",
    "livingplan.reviews",
    "livingplan.budgets",
    "livingplan.home",
    "livingplan.demo",
    "livingplan.documents",
    "livingplan.api",
    "livingplan.interop",
    "livingplan.selfassessment",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Above the two-factor check, so its redirects for a signed-in user are not stored either.
    "livingplan.core.middleware.NoStoreForSignedInMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # After the two-factor wrapper of `request.user`, which the context keeps (ADR-029).
    "livingplan.core.middleware.AuditContextMiddleware",
    "livingplan.accounts.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Where a view's exception arrives with the user and messages known, so its pages can render.
    "livingplan.core.middleware.ContentionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    # Innermost, so it sees the view's own audit rows and the final status (ADR-020).
    "livingplan.core.audit_reads.AuditRecordReadsMiddleware",
]

ROOT_URLCONF = "livingplan.config.urls"
WSGI_APPLICATION = "livingplan.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [PACKAGE_DIR / "jinja2"],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "livingplan.config.jinja2.environment",
            "context_processors": ["livingplan.core.context.layout", "livingplan.people.context.service_provider"],
        },
    },
    {
        # Only for Django's own pages (the admin is not installed; forms widgets need it).
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    },
]
FORM_RENDERER = "django.forms.renderers.DjangoTemplates"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'livingplan.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # SQLite, the default and the demo, allows one writer at a time. Without these, concurrent
    # edits answered 500 "database is locked" (145 of 200 in a probe): a transaction that read
    # first could not upgrade to a write lock, and waited not at all. Now each transaction takes
    # the write lock when it begins (so contention is a wait, then a 409 from the revision check),
    # waits up to SQLITE_TIMEOUT seconds for it, and WAL lets readers carry on while one writes.
    # Whatever still cannot get the lock answers 503 with Retry-After (core.middleware). ADR-018.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": float(os.environ.get("SQLITE_TIMEOUT", "20")),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )
elif DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # PostgreSQL's JIT compiles any query its planner costs highly. The caseload's one SELECT
    # (correlated subqueries per person) crossed that line at 500 people and spent 306 ms of its
    # 709 ms compiling 384 functions, for a query that runs in a few milliseconds. A web request
    # never runs long enough to win that back: off for our connections (`make bench` shows it).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Axes first, so a locked-out sign-in never reaches the password check.
    "axes.backends.AxesStandaloneBackend",
    "livingplan.accounts.backends.UsernameOrEmailBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "home:home"
LOGOUT_REDIRECT_URL = "accounts:sign-in"

# Throttling lives in the database so every worker process shares the same count.
# Five failures lock the account (however its name is typed, from any address); twenty
# failures from one address lock that address for every account (ADR-016).
AXES_HANDLER = "livingplan.accounts.throttling.ThrottlingHandler"
AXES_USERNAME_CALLABLE = "livingplan.accounts.throttling.lockout_username"
AXES_FAILURE_LIMIT = 5
LIVINGPLAN_IP_FAILURE_LIMIT = 20
AXES_COOLOFF_TIME = 0.25  # hours: 15 minutes
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_CALLABLE = "livingplan.accounts.views.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

OTP_TOTP_ISSUER = "Living Plan"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Tasks that wait for a day to come (a plan's later start date). The same queue here; tests run
# other tasks inline, which cannot wait, so they send these to a database queue of their own.
LATER_TASKS_BACKEND = "default"

# Strict CSP: nothing inline unless it carries this response's nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": ["'none'"],
        "base-uri": [SELF],
        "object-src": ["'none'"],
    }
}

SESSION_ENGINE = "livingplan.core.sessions"  # Django's database sessions, read with plain SQL
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 8
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint reports each step of every PDF at INFO ("Step 2 - Fetching and parsing CSS").
    "loggers": {"axes": {"level": "WARNING"}, "weasyprint": {"level": "WARNING"}},
}

# Rendered plan content, keyed by the plan's revision and the viewer (livingplan.core.render_cache,
# ADR-013). In-process memory: entries hold personal data and never leave the server process.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
    "render": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "render",
        # Bounded memory: at most 500 renderings per process (a very large plan is about 200 KB).
        "OPTIONS": {"MAX_ENTRIES": 500},
    },
}
RENDER_CACHE_SECONDS = 60 * 60

# Resetting your own password by email (ADR-022). The emailed link works for an hour; requests are
# counted in the database so every worker shares the limits.
PASSWORD_RESET_TIMEOUT = 60 * 60
LIVINGPLAN_RESET_EMAILS_PER_ADDRESS = 3  # per hour: more would let anyone flood someone's inbox
LIVINGPLAN_RESET_REQUESTS_PER_IP = 20  # per hour, across addresses
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Living Plan <no-reply@livingplan.invalid>")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

# Telling people things (ADR-030). With NOTIFY_API_KEY (Notify's "name-serviceid-secret" form) email,
# text messages and letters go through GOV.UK Notify; without it, the log channel records what would
# have gone (the demo). NOTIFICATIONS_PROVIDER ("notify", "email" or "log") overrides that choice.
NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "")
NOTIFY_BASE_URL = os.environ.get("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")
NOTIFY_REQUEST_TIMEOUT = float(os.environ.get("NOTIFY_REQUEST_TIMEOUT", "10"))
# One Notify template per channel whose content is ((subject)) and ((body)); our words fill them.
NOTIFY_TEMPLATE_IDS = {
    "EMAIL": os.environ.get("NOTIFY_EMAIL_TEMPLATE_ID", ""),
    "SMS": os.environ.get("NOTIFY_SMS_TEMPLATE_ID", ""),
    "LETTER": os.environ.get("NOTIFY_LETTER_TEMPLATE_ID", ""),
}
NOTIFICATIONS_PROVIDER = os.environ.get("NOTIFICATIONS_PROVIDER", "")
# The bearer token Notify's delivery callbacks carry (set the same in Notify); unset refuses them all.
NOTIFY_CALLBACK_TOKEN = os.environ.get("NOTIFY_CALLBACK_TOKEN", "")
# Retries of transient failures (429, 5xx, timeouts): base * 2^(try - 1), capped, with jitter.
NOTIFICATIONS_RETRY_BASE_SECONDS = float(os.environ.get("NOTIFICATIONS_RETRY_BASE_SECONDS", "30"))
NOTIFICATIONS_RETRY_CAP_SECONDS = float(os.environ.get("NOTIFICATIONS_RETRY_CAP_SECONDS", "3600"))
NOTIFICATIONS_MAX_ATTEMPTS = int(os.environ.get("NOTIFICATIONS_MAX_ATTEMPTS", "8"))
# A row "sending" for longer than this was left by a stopped worker. Keep it well above
# NOTIFY_REQUEST_TIMEOUT, or a slow send still under way could be freed and tried again.
NOTIFICATIONS_SENDING_TIMEOUT = float(os.environ.get("NOTIFICATIONS_SENDING_TIMEOUT", "300"))
NOTIFICATIONS_SWEEP_INTERVAL = float(os.environ.get("NOTIFICATIONS_SWEEP_INTERVAL", "60"))
# `db_worker --batch` waits for retries and stuck rows due within this many seconds before exiting.
NOTIFICATIONS_BATCH_WAIT = float(os.environ.get("NOTIFICATIONS_BATCH_WAIT", "60"))
# The address links in messages start with (the service as the recipient reaches it).
LIVINGPLAN_SITE_URL = os.environ.get("LIVINGPLAN_SITE_URL", "http://127.0.0.1:8000")

# Community directory (issue 12): how many weeks after an action is linked to something local the
# person is asked "did it help?".
COMMUNITY_ASK_AFTER_WEEKS = int(os.environ.get("COMMUNITY_ASK_AFTER_WEEKS", "4"))

# Reviews (issue 13, ADR-040): targets an organisation sets. Decision targets are working days
# (core.workdays): a category not listed takes REVIEWS_OTHERS_DECISION_TARGET_DAYS.
REVIEWS_DECISION_TARGET_DAYS = {"SAFEGUARDING": 0, "MEDICATION": 2}
REVIEWS_OTHERS_DECISION_TARGET_DAYS = 10
REVIEWS_UPDATE_TARGET_DAYS = 20  # a decision to update the plan -> the new version agreed
REVIEWS_REQUEST_ANSWER_TARGET_DAYS = 5  # a request for a review -> its answer
REVIEWS_FIRST_REVIEW_WEEKS = 8  # the light-touch review after a plan is first agreed
REVIEWS_EVERY_MONTHS = 6  # then at least this often; never more than 12, whatever is set here
REVIEWS_EXTRA_UNPLANNED_REASONS: list[tuple[str, str]] = []  # (value, label) added to the default list
# Personal budgets (issue 14, ADR-042). Defaults until an organisation admin sets their own (on
# the budgets settings page, kept in the database): the sign-off target in working days (10: two
# weeks) and the yearly cost in pence each approver level may sign off (None: no limit).
BUDGET_SIGN_OFF_TARGET_DAYS = int(os.environ.get("BUDGET_SIGN_OFF_TARGET_DAYS", "10"))
BUDGET_APPROVAL_LIMITS: dict[str, int | None] = {
    "TEAM_MANAGER": 30_000_00,
    "SENIOR_MANAGER": 150_000_00,
    "PANEL": None,
}
# FHIR R4 (issue 15, ADR-044): the base URL exports name their resources under, and where the
# shared FHIR test data is ("" finds ../shared/data/fhir beside the project, as the tests do).
LIVINGPLAN_FHIR_BASE = os.environ.get("LIVINGPLAN_FHIR_BASE", LIVINGPLAN_SITE_URL.rstrip("/") + "/fhir/r4")
LIVINGPLAN_FHIR_TEST_DATA = os.environ.get("LIVINGPLAN_FHIR_TEST_DATA", "")

# Every API request, per token or signed-in user, counted in the database (ADR-052).
LIVINGPLAN_API_RATE_LIMIT = int(os.environ.get("LIVINGPLAN_API_RATE_LIMIT", "300"))
LIVINGPLAN_API_RATE_WINDOW = 60  # seconds
