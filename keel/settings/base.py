"""Keel settings: everything comes from the environment (see docs/configuration.md)."""

from __future__ import annotations

from keel.settings.env import BASE_DIR, DATA_DIR, KEEL_ENV, data_dir, env, secret_from_file

DEBUG = env.bool("KEEL_DEBUG", default=KEEL_ENV == "development")
SECRET_KEY = env.str("KEEL_SECRET_KEY", default="") or secret_from_file("secret_key")
ALLOWED_HOSTS = env.list("KEEL_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("KEEL_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    # Keel's apps come before allauth's so keel/accounts/templates/allauth/ overrides its templates.
    "keel.core",
    "keel.ui",
    "keel.accounts",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "keel.notifications",
    "keel.org",
    "keel.search",
    "keel.goals",
    "keel.tasks",
    "keel.wiki",  # above tasks: a page due for review becomes a task
    "keel.feedback",  # above tasks: action items and check-ins are tasks
    "keel.kpis",  # above tasks and feedback: it computes KPIs from them
    "keel.vault",  # beside tasks: items, grants to seats and groups, offboarding rotations
    "keel.home",  # the front page summarises the other apps, so it comes last
    "ninja",
]

MIDDLEWARE = [
    # Outermost, so every later middleware's log lines (and the outage page) carry the request
    # id, which is echoed on the response and travels with the jobs it enqueues (docs/jobs.md).
    "keel.core.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # no-store and Permissions-Policy; before WhiteNoise so static files get the policy too.
    "keel.core.headers.SecurityHeadersMiddleware",
    # Database outages: a 503 "try again" page / problem+json instead of a 500 (docs/server.md).
    "keel.core.outage.OutageMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "keel.core.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "keel.core.middleware.UserLanguageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Bodies over KEEL_MAX_UPLOAD_MB: 413 before anything reads them (CSRF reads POST), once the
    # language is known (the page is translated).
    "keel.core.uploads_limit.UploadLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Idle and absolute session timeouts, once the session's user is known.
    "keel.accounts.session_timeout.SessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "keel.accounts.session_activity.SessionActivityMiddleware",
    "keel.core.middleware.WorkspaceMiddleware",
]

ROOT_URLCONF = "keel.urls"
WSGI_APPLICATION = "keel.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "keel.ui.context_processors.shell",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
_sqlite_options = {
    # WAL lets the web process read while the worker writes; IMMEDIATE avoids upgrade deadlocks.
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
if env.str("DATABASE_URL", default=""):
    DATABASES = {"default": env.db_url("DATABASE_URL")}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(data_dir() / "keel.sqlite3"),
        }
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(_sqlite_options)
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("KEEL_DB_CONN_MAX_AGE", default=60))
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# --- Cache, sessions, jobs -----------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "keel_cache",
        }
    }

SESSION_ENGINE = "django.contrib.sessions.backends.db"
# A browser session ends after KEEL_SESSION_IDLE_HOURS without a request and, however active,
# KEEL_SESSION_MAX_DAYS after sign-in (keel/accounts/session_timeout.py); the cookie lives as
# long. API tokens are not affected.
KEEL_SESSION_IDLE_HOURS = env.float("KEEL_SESSION_IDLE_HOURS", default=8)
KEEL_SESSION_MAX_DAYS = env.float("KEEL_SESSION_MAX_DAYS", default=14)
SESSION_COOKIE_AGE = int(KEEL_SESSION_MAX_DAYS * 24 * 60 * 60)

if REDIS_URL:
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600}}
    INSTALLED_APPS.append("django_rq")
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# --- Auth (django-allauth) -----------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_ADAPTER = "keel.accounts.adapter.KeelAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_SIGNUP_FORM_CLASS = "keel.accounts.forms.WorkspaceSignupForm"
# Decision: verification is "optional" so a new owner lands in their workspace at once;
# the shell shows a banner until the address is confirmed, and invitations prove the
# invitee's address by the link itself.
ACCOUNT_EMAIL_VERIFICATION = env.str("KEEL_EMAIL_VERIFICATION", default="optional")
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Keel] "
ACCOUNT_RATE_LIMITS = {
    "login_failed": "20/5m/ip",  # issue 12: per-account delays are in accounts.throttle
    "signup": "20/h/ip",
    "reset_password": "20/m/ip,5/m/key",
}
ACCOUNT_SESSION_REMEMBER = None
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Keel"
# Two-factor secrets are sealed with the master key (keel/core/crypto.py, docs/security.md).
MFA_ADAPTER = "keel.accounts.mfa_adapter.KeelMFAAdapter"
USERSESSIONS_TRACK_ACTIVITY = True  # last seen, synced every 5 min: accounts.session_activity

# --- auth hardening (issue 12) ---
# Django's admin has its own password form (no two-factor, no rate limits), so it is served
# only when KEEL_ADMIN is on, and then its login hands over to allauth (accounts.admin_site).
# Default: on only with DEBUG, where a developer may want to browse the tables.
KEEL_ADMIN = env.bool("KEEL_ADMIN", default=DEBUG)
INSTALLED_APPS[INSTALLED_APPS.index("django.contrib.admin")] = (
    "keel.accounts.admin_site.KeelAdminConfig"
)
# Behind a reverse proxy every request comes from the proxy: the per-IP sign-in limit must key
# on the client address the proxy forwards. Count = proxies you run in front of Keel that
# append to X-Forwarded-For; or name a header your proxy sets to the client address.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("KEEL_TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env.str("KEEL_CLIENT_IP_HEADER", default="") or None
# --- end auth hardening ---

# --- Email: every message leaves through a background job (keel.core.mail) ------------------
EMAIL_URL = env.str("EMAIL_URL", default="")
if EMAIL_URL:
    _email = env.email_url("EMAIL_URL")
    KEEL_DELIVERY_EMAIL_BACKEND = _email["EMAIL_BACKEND"]
    EMAIL_HOST = _email.get("EMAIL_HOST", "localhost")
    EMAIL_PORT = _email.get("EMAIL_PORT", 25)
    EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
    EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
else:
    # No SMTP server configured: mail is written to files under the data directory.
    KEEL_DELIVERY_EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = str(DATA_DIR / "mail")
EMAIL_BACKEND = "keel.core.mail.QueuedEmailBackend"
DEFAULT_FROM_EMAIL = env.str("KEEL_FROM_EMAIL", default="Keel <keel@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Internationalisation ------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("zh-hans", "简体中文"),
    ("zh-hant", "繁體中文"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
FORMAT_MODULE_PATH = ["keel.formats"]
USE_TZ = True
LANGUAGE_COOKIE_NAME = "keel_language"

# --- Static and uploaded files -------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Security ------------------------------------------------------------------------------
KEEL_MASTER_KEY = env.str("KEEL_MASTER_KEY", default="")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# --- Keel ----------------------------------------------------------------------------------
KEEL_DEMO_PASSWORD = env.str("KEEL_DEMO_PASSWORD", default="")
# Links in emails sent without a request (keel.core.mail.absolute_url). In development it
# follows KEEL_PORT, so `make run` on another port mails working links; production sets it.
KEEL_BASE_URL = env.str(
    "KEEL_BASE_URL", default=f"http://127.0.0.1:{env.str('KEEL_PORT', default='8000')}"
).rstrip("/")
# Chat webhooks (keel/notifications/chat_formats.py) post only to public addresses unless this
# is on: a shop whose Mattermost or Rocket.Chat runs on its own network turns it on.
KEEL_CHAT_ALLOW_PRIVATE_HOSTS = env.bool("KEEL_CHAT_ALLOW_PRIVATE_HOSTS", default=False)
KEEL_INVITATION_DAYS = 7
KEEL_API_PAGE_SIZE = 50
# Largest task attachment accepted (bytes); uploads also pass a type allowlist.
KEEL_ATTACHMENT_MAX_BYTES = env.int("KEEL_ATTACHMENT_MAX_BYTES", default=20 * 1024 * 1024)
# Wiki uploads (keel/wiki/services/files.py): largest file, and largest video, in MB.
KEEL_WIKI_MAX_FILE_MB = env.int("KEEL_WIKI_MAX_FILE_MB", default=25)
KEEL_WIKI_MAX_VIDEO_MB = env.int("KEEL_WIKI_MAX_VIDEO_MB", default=200)
# Wiki import (keel/wiki/services/io_zip.py): a zip's total unpacked size (MB) and entry
# count; each file also stays under KEEL_WIKI_MAX_FILE_MB. Uploads wait for confirmation
# (an hour at most) in KEEL_WIKI_IMPORT_DIR, outside the media files.
KEEL_WIKI_IMPORT_MAX_MB = env.int("KEEL_WIKI_IMPORT_MAX_MB", default=200)
KEEL_WIKI_IMPORT_MAX_FILES = 5000
KEEL_WIKI_IMPORT_DIR = DATA_DIR / "tmp" / "wiki-imports"
# A TrueType font with Latin and CJK glyphs embedded in org chart PDFs (keel/org/chart_pdf.py);
# empty: the first installed of chart_pdf.FONT_CANDIDATES (fonts-wqy-zenhei).
KEEL_CHART_PDF_FONT = env.str("KEEL_CHART_PDF_FONT", default="")

# --- jobs and logs (issue 12): JSON lines in production (or KEEL_LOG_FORMAT=json), the plain
# format in development; every record carries the request id (keel/core/request_id.py).
KEEL_LOG_FORMAT = env.str(
    "KEEL_LOG_FORMAT", default="json" if KEEL_ENV == "production" else "plain"
)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "keel.core.request_id.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "keel.core.request_id.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if KEEL_LOG_FORMAT == "json" else "plain",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("KEEL_LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "django.server": {"level": "INFO"},
    },
}

# --- sessions and headers (issue 12) -------------------------------------------------------
# Largest request body (MB) read at all, refused with 413 before it is read
# (keel/core/uploads_limit.py). Default: the largest per-feature limit; each feature still
# checks its own smaller one (attachments, wiki files).
KEEL_MAX_UPLOAD_MB = env.int(
    "KEEL_MAX_UPLOAD_MB",
    default=max(
        KEEL_WIKI_MAX_VIDEO_MB,
        KEEL_WIKI_MAX_FILE_MB,
        KEEL_WIKI_IMPORT_MAX_MB,
        KEEL_ATTACHMENT_MAX_BYTES // 2**20,
    ),
)
FILE_UPLOAD_HANDLERS = [
    "keel.core.uploads_limit.UploadLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# Owner-only files: the SQLite database is made 0600 when a connection opens it (its -wal and
# -shm files copy that mode), uploads 0600 in 0700 directories (keel/settings/env.py). Not at
# settings import: `collectstatic` in the image build runs as root and must create no file.
from django.db.backends.signals import connection_created  # noqa: E402 (kept in this block)

from keel.settings.env import sqlite_owner_only  # noqa: E402

connection_created.connect(sqlite_owner_only, dispatch_uid="keel.sqlite_owner_only")
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
# --- end sessions and headers

# --- jobs and logs (issue 12) ---------------------------------------------------------------
# Jobs run at least once (docs/jobs.md): a job RUNNING longer than KEEL_JOB_TIMEOUT_SECONDS
# lost its worker and is requeued, until it has been tried KEEL_JOB_MAX_ATTEMPTS times
# (keel/core/reaper.py, every KEEL_REAPER_INTERVAL_SECONDS). The timeout must exceed the
# longest job. RQ notices a dead worker by its heartbeat instead, within about 90 seconds.
KEEL_JOB_TIMEOUT_SECONDS = env.int("KEEL_JOB_TIMEOUT_SECONDS", default=900)
KEEL_JOB_MAX_ATTEMPTS = env.int("KEEL_JOB_MAX_ATTEMPTS", default=3)
KEEL_REAPER_INTERVAL_SECONDS = env.int("KEEL_REAPER_INTERVAL_SECONDS", default=300)
if REDIS_URL:
    # Each RQ job carries the id of the request that enqueued it (keel/core/request_id.py).
    RQ_QUEUES["default"]["QUEUE_CLASS"] = "keel.core.request_id.RequestIdQueue"
# --- end jobs and logs

# --- S3-compatible storage (issue 12) -------------------------------------------------------
# KEEL_S3_BUCKET moves uploaded files (not static files) to a private S3-compatible bucket
# (keel/settings/storage.py, docs/configuration.md). production.py redefines STORAGES and
# applies it again; test.py does not, so a developer's bucket never meets the test suite.
from keel.settings.storage import with_s3_storage  # noqa: E402 (kept in this block)

STORAGES = with_s3_storage(STORAGES)
# --- end S3-compatible storage
