"""One settings module, driven by environment variables (STYLE.md rule 6).

Safe production defaults: DEBUG is off unless MOTCUA_DEBUG (or the demo / test
scripts) turn it on, and production refuses to start with the default secret.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    value = env.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def envbool(name: str, default: bool = False) -> bool:
    return _bool(os.environ, name, default)


def envint(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def envsecret(name: str) -> str | None:
    """Read NAME, or the file named by NAME_FILE (Docker/systemd secrets)."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text(encoding="utf-8").strip()
    return os.environ.get(name)


DEBUG = envbool("MOTCUA_DEBUG", False)
TESTING = envbool("MOTCUA_TESTING", False)

VAR_DIR = Path(os.environ.get("MOTCUA_VAR_DIR", BASE_DIR / "var"))
if TESTING and "MOTCUA_VAR_DIR" not in os.environ and os.environ.get("PYTEST_XDIST_WORKER"):
    # Parallel tests (pytest-xdist): each worker its own files (uploads, reports) under var/, and
    # the PostgreSQL suite's workers other ones than the SQLite suite's (.ci/run runs both at once).
    _suite = "pg-" if os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")) else ""
    VAR_DIR = VAR_DIR / f"test-{_suite}{os.environ['PYTEST_XDIST_WORKER']}"
_default_data_dir = BASE_DIR.parent / "shared" / "data"
DATA_DIR = Path(os.environ.get("MOTCUA_DATA_DIR", _default_data_dir))

INSECURE_DEFAULT_SECRET = "motcua-insecure-development-secret-do-not-use-in-production"
SECRET_KEY = envsecret("SECRET_KEY") or INSECURE_DEFAULT_SECRET
if not DEBUG and not TESTING and SECRET_KEY == INSECURE_DEFAULT_SECRET:
    raise ImproperlyConfigured(
        "SECRET_KEY (or SECRET_KEY_FILE) must be set when DEBUG is off. "
        "For development, set MOTCUA_DEBUG=1."
    )

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
if DEBUG or TESTING:
    ALLOWED_HOSTS += ["127.0.0.1", "localhost", "testserver", "[::1]"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "motcua.core",
    "motcua.geography",
    "motcua.agencies",
    "motcua.accounts",
    "motcua.worktime",
    "motcua.catalog",
    "motcua.dossiers",
    "ninja",  # serves the API docs' Swagger UI from its own static files, not a CDN
    "motcua.api",
    "motcua.portal",
    "motcua.desk",
    "motcua.stats",
    "motcua.assistant",
    "motcua.centre",
    "motcua.province",
    "motcua.documents",
    "motcua.ecopy",
    "motcua.nationalsync",
    "motcua.payments",
    "django_q",  # the job runner (docs/jobs.md): queue, schedules, failed jobs in the admin
    "motcua.jobs",
    "motcua.notify",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "motcua.core.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the language is chosen: its 400 page speaks the visitor's language.
    "motcua.core.middleware.RejectControlCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, with the user of a password sign-in read by one precompiled statement.
    "motcua.accounts.session_user.AuthenticationMiddleware",
    # The signed-in user is the actor of the account changes a request makes (accounts.audit).
    "motcua.accounts.audit.AccountAuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "motcua.core.middleware.IdleSessionTimeoutMiddleware",
    # Last: turns a locked-out login (too many wrong passwords) into the lockout page.
    "axes.middleware.AxesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "motcua.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "motcua.wsgi.application"


def database_settings(url: str, env: Mapping[str, str], testing: bool = False) -> dict[str, Any]:
    """The default database from its URL; PostgreSQL gets a connection pool unless MOTCUA_DB_POOL=0.

    The pool (Django 5.1+, psycopg_pool) keeps connections open inside each server process
    instead of opening one per request; Django refuses a pool with persistent connections, so
    CONN_MAX_AGE stays 0 then. Each process holds up to MOTCUA_DB_POOL_MAX_SIZE connections:
    server workers × that size must stay below PostgreSQL's max_connections (README, Production).
    Tests run without it unless MOTCUA_DB_POOL=1 (the pool itself is tested in core/tests/test_serving.py).
    """
    max_age = int(env.get("MOTCUA_DB_CONN_MAX_AGE", 0))
    database: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=max_age))
    if database["ENGINE"] == "django.db.backends.sqlite3":
        # WAL + a busy timeout let concurrent writers queue instead of failing at once;
        # IMMEDIATE transactions take the write lock up front so that
        # read-then-write transitions cannot deadlock (Django 5.1+).
        database["OPTIONS"] = {
            "timeout": 30,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    elif database["ENGINE"] == "django.db.backends.postgresql" and _bool(env, "MOTCUA_DB_POOL", not testing):
        if database["CONN_MAX_AGE"]:
            raise ImproperlyConfigured(
                "MOTCUA_DB_CONN_MAX_AGE must be 0 with the connection pool (or set MOTCUA_DB_POOL=0)."
            )
        database.setdefault("OPTIONS", {})["pool"] = {
            "min_size": int(env.get("MOTCUA_DB_POOL_MIN_SIZE", 2)),
            "max_size": int(env.get("MOTCUA_DB_POOL_MAX_SIZE", 8)),
            # Seconds a request waits for a free connection before it fails instead of hanging.
            "timeout": float(env.get("MOTCUA_DB_POOL_TIMEOUT", 10)),
        }
    return database


def cache_settings(env: Mapping[str, str], testing: bool) -> dict[str, Any]:
    """The cache every server process shares: throttle counters, rate limits, hot look-ups.

    Redis when MOTCUA_REDIS_URL is set (production: atomic counters, no database writes);
    otherwise the database cache (table `motcua_cache`, created by a migration of `core`), which
    works on a fresh machine with no other service. Tests keep the per-process memory cache so
    that runs don't share counters.
    """
    if testing:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    redis_url = env.get("MOTCUA_REDIS_URL", "").strip()
    if redis_url:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url,
                "KEY_PREFIX": "motcua"}
    # Django's default of 300 entries would start deleting live throttle counters under load;
    # the cache counts its rows now and then (one write in 100), so the bound stays moderate (Redis
    # has none). motcua's subclass of Django's: one statement per write, atomic increments
    # (motcua/core/cache.py), in an UNLOGGED table on PostgreSQL.
    return {"BACKEND": "motcua.core.cache.DatabaseCache", "LOCATION": CACHE_TABLE,
            "OPTIONS": {"MAX_ENTRIES": 20_000}}


# The database cache's table (created by motcua/core/migrations/0001_cache_table.py).
CACHE_TABLE = "motcua_cache"

DATABASES = {
    "default": database_settings(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'motcua.sqlite3'}"), os.environ, TESTING
    )
}

# The services' statements sent as prepared statements on PostgreSQL (motcua.core.rows); off
# behind PgBouncer in transaction mode (README, Production).
MOTCUA_DB_PREPARE = envbool("MOTCUA_DB_PREPARE", True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = VAR_DIR / "uploads"  # outside the web root; files are served by views that check access
# Largest file accepted in one upload (attachments of a dossier), in bytes.
MOTCUA_UPLOAD_MAX_BYTES = envint("MOTCUA_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)

CACHES = {"default": cache_settings(os.environ, TESTING)}

# Login pages live in the portal; other login methods (VNeID via OpenID Connect) plug in
# through AUTHENTICATION_BACKENDS and MOTCUA_LOGIN_METHODS (motcua/portal/login_methods.py).
LOGIN_URL = "portal:login"

# Login lockout (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one account, or from
# one client address, logins wait MOTCUA_LOGIN_LOCKOUT_MINUTES — on every door that checks a
# password (portal, admin, API). Attempts are kept in the database, shared by every process.
AUTHENTICATION_BACKENDS = [
    "motcua.core.lockout.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Sign-in with the national identity (docs/signin.md); does nothing unless configured.
    "motcua.portal.oidc.IdNumberBackend",
]

# Outgoing mail (password reset links, notifications): EMAIL_* below, with the notifications.
# Password reset links are valid this long (Django's PASSWORD_RESET_TIMEOUT, seconds).
PASSWORD_RESET_TIMEOUT = envint("MOTCUA_PASSWORD_RESET_HOURS", 2) * 3600
MOTCUA_PASSWORD_RESET_PER_HOUR = envint("MOTCUA_PASSWORD_RESET_PER_HOUR", 5)

# OpenID Connect sign-in (the national portal's SSO with VNeID; docs/signin.md), read by
# mozilla-django-oidc. On when MOTCUA_OIDC_CLIENT_ID is set; then every endpoint must be.
OIDC_RP_CLIENT_ID = os.environ.get("MOTCUA_OIDC_CLIENT_ID", "")
MOTCUA_OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
OIDC_RP_CLIENT_SECRET = envsecret("MOTCUA_OIDC_CLIENT_SECRET") or ""
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("MOTCUA_OIDC_AUTHORIZATION_URL", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("MOTCUA_OIDC_TOKEN_URL", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("MOTCUA_OIDC_USERINFO_URL", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("MOTCUA_OIDC_JWKS_URL", "")
if MOTCUA_OIDC_ENABLED and not all([OIDC_RP_CLIENT_SECRET, OIDC_OP_AUTHORIZATION_ENDPOINT,
                                    OIDC_OP_TOKEN_ENDPOINT, OIDC_OP_USER_ENDPOINT, OIDC_OP_JWKS_ENDPOINT]):
    raise ImproperlyConfigured(
        "MOTCUA_OIDC_CLIENT_ID is set: MOTCUA_OIDC_CLIENT_SECRET (or _FILE), MOTCUA_OIDC_AUTHORIZATION_URL, "
        "MOTCUA_OIDC_TOKEN_URL, MOTCUA_OIDC_USERINFO_URL and MOTCUA_OIDC_JWKS_URL must be set too."
    )
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = os.environ.get("MOTCUA_OIDC_SCOPES", "openid profile")
OIDC_USE_PKCE = True
OIDC_TIMEOUT = envint("MOTCUA_OIDC_TIMEOUT_SECONDS", 10)
# The claim that carries the 12-digit personal ID number (to confirm with the portal's SSO).
MOTCUA_OIDC_ID_NUMBER_CLAIM = os.environ.get("MOTCUA_OIDC_ID_NUMBER_CLAIM", "id_number")
MOTCUA_LOGIN_METHODS = [
    {"key": "vneid", "label": _("Đăng nhập bằng tài khoản định danh điện tử (VNeID)"),
     "url_name": "oidc_authentication_init"},
] if MOTCUA_OIDC_ENABLED else []
AXES_FAILURE_LIMIT = envint("MOTCUA_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("MOTCUA_LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "motcua.core.clients.client_address"
AXES_LOCKOUT_CALLABLE = "motcua.core.lockout.lockout_response"
AXES_VERBOSE = False
# Reverse proxies in front of motcua (nginx, a load balancer): the client address is what the
# outermost of them saw (core/clients.py). 0: no proxy, the socket's address.
MOTCUA_TRUSTED_PROXIES = envint("MOTCUA_TRUSTED_PROXIES", 0)
if MOTCUA_TRUSTED_PROXIES:
    # The proxy terminates TLS and says so; without a trusted proxy the header is not believed.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Public lookup (code + ID number): attempts per client address a minute, and wrong ID numbers
# per dossier code an hour (codes are sequential; the ID number is the secret).
MOTCUA_LOOKUP_PER_MINUTE = envint("MOTCUA_LOOKUP_PER_MINUTE", 20)
MOTCUA_LOOKUP_FAILURES_PER_CODE = envint("MOTCUA_LOOKUP_FAILURES_PER_CODE", 10)

SESSION_COOKIE_HTTPONLY = True
# Django's database sessions, read with one statement written once per process (core/sessions.py).
SESSION_ENGINE = "motcua.core.sessions"
# A session ends after this many minutes without a request (core/middleware.py), and in any
# case SESSION_COOKIE_AGE (12 hours: one working day) after it last refreshed.
MOTCUA_SESSION_IDLE_MINUTES = envint("MOTCUA_SESSION_IDLE_MINUTES", 30)
SESSION_COOKIE_AGE = envint("MOTCUA_SESSION_MAX_HOURS", 12) * 3600
CSRF_COOKIE_HTTPONLY = True
# Content-Security-Policy (core/middleware.py): our own scripts only, never inline or from a CDN.
# Inline style attributes stay allowed (charts and QR codes are inline SVG).
MOTCUA_CSP = os.environ.get("MOTCUA_CSP", "; ".join([
    "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:", "font-src 'self'", "connect-src 'self'", "media-src 'self' blob:",
    "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
]))
# HTTPS: TLS normally ends at the reverse proxy. In production set MOTCUA_HSTS_SECONDS (31536000
# once every host name is HTTPS-only), MOTCUA_SSL_REDIRECT=1, and MOTCUA_TRUSTED_PROXIES so that
# the proxy's X-Forwarded-Proto is believed (README, "Production").
SECURE_HSTS_SECONDS = envint("MOTCUA_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("MOTCUA_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = envbool("MOTCUA_HSTS_PRELOAD", False)
SECURE_SSL_REDIRECT = envbool("MOTCUA_SSL_REDIRECT", False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# A province runs motcua on a host of a domain it shares (dichvucong.<province>.gov.vn):
# includeSubDomains and the preload list bind every other service of that domain, so they are
# the domain owner's choice (the two settings above), not warnings to act on here.
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]

if not DEBUG and not TESTING:
    SESSION_COOKIE_SECURE = envbool("MOTCUA_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = envbool("MOTCUA_SECURE_COOKIES", True)

# The province this installation serves (Lạng Sơn: unit code 20, agency prefix H37).
MOTCUA_PROVINCE_CODE = os.environ.get("MOTCUA_PROVINCE_CODE", "20")
# Base of the links printed on slips (the QR code on the receipt opens the public lookup).
MOTCUA_PUBLIC_URL = os.environ.get("MOTCUA_PUBLIC_URL", "http://127.0.0.1:8000")
# "Due soon" window and the lead time for the apology slip, in working hours.
# The apology lead time is not fixed by the texts (REGULATIONS.md: to confirm).
MOTCUA_DUE_SOON_HOURS = envint("MOTCUA_DUE_SOON_HOURS", 8)
MOTCUA_APOLOGY_LEAD_HOURS = envint("MOTCUA_APOLOGY_LEAD_HOURS", 8)
# How long (working hours) an online dossier may wait for acceptance (status 1) before the
# receptionist's inbox shows it as overdue.
MOTCUA_ACCEPTANCE_HOURS = envint("MOTCUA_ACCEPTANCE_HOURS", 8)
# The service centre's hotline, offered by the assistant when it is not sure (empty: not shown).
ASSISTANT_HOTLINE = os.environ.get("MOTCUA_ASSISTANT_HOTLINE", "")

# API tokens expire after this many days unless the administrator sets another date.
MOTCUA_TOKEN_DAYS = envint("MOTCUA_TOKEN_DAYS", 180)

# Audit checkpoints (motcua/dossiers/anchor.py): the chain heads sealed outside the database,
# one file per day, authenticated with a key that the database never holds. In production put
# both on storage the database administrators cannot write (another volume, a WORM bucket).
# Tests never read the checkpoints of a demo under var/: each test process starts with none.
_audit_default = Path(tempfile.gettempdir()) / f"motcua-audit-{os.getpid()}" if TESTING else VAR_DIR
MOTCUA_AUDIT_DIR = Path(os.environ.get("MOTCUA_AUDIT_DIR", _audit_default / "audit"))
MOTCUA_AUDIT_KEY_FILE = Path(os.environ.get("MOTCUA_AUDIT_KEY_FILE", _audit_default / "audit.key"))

# The province's PKI (motcua/documents/pki.py): CA and agency keys as files, never in the database.
# Tests never touch a demo's keys: each test process starts with its own empty folder.
MOTCUA_PKI_DIR = Path(os.environ.get("MOTCUA_PKI_DIR", (_audit_default if TESTING else VAR_DIR) / "pki"))
# A trusted timestamp service (RFC 3161); empty: signatures carry the signer's own time only.
MOTCUA_TSA_URL = os.environ.get("MOTCUA_TSA_URL", "")
# Tesseract's language data for OCR (Debian: tesseract-ocr-vie).
MOTCUA_OCR_LANG = os.environ.get("MOTCUA_OCR_LANG", "vie")
# Hand each scan digitised at the counter to the worker for OCR when the reception commits (off
# in tests, which run the recognition themselves; the every-minute job finds what waits anyway).
MOTCUA_OCR_ON_COMMIT = envbool("MOTCUA_OCR_ON_COMMIT", not TESTING)

# National Public Service Portal sync (motcua/nationalsync, docs/sync.md). Enabled: every dossier
# event queues the portal's messages in its own transaction; with a URL they are sent.
MOTCUA_SYNC_ENABLED = envbool("MOTCUA_SYNC_ENABLED", False)
MOTCUA_SYNC_URL = os.environ.get("MOTCUA_SYNC_URL", "")
MOTCUA_SYNC_TOKEN = envsecret("MOTCUA_SYNC_TOKEN") or ""
MOTCUA_SYNC_TIMEOUT_SECONDS = envint("MOTCUA_SYNC_TIMEOUT_SECONDS", 10)
MOTCUA_SYNC_RETRY_SECONDS = envint("MOTCUA_SYNC_RETRY_SECONDS", 30)
MOTCUA_SYNC_MAX_ATTEMPTS = envint("MOTCUA_SYNC_MAX_ATTEMPTS", 12)
MOTCUA_SYNC_POLL_SECONDS = envint("MOTCUA_SYNC_POLL_SECONDS", 5)
# Online payment (motcua/payments, docs/payments.md). Gateways by name (the name is part of the
# callback address /api/v1/payments/<name>/callback); the one the portal's button uses.
MOTCUA_PAYMENT_GATEWAYS = {"sandbox": "motcua.payments.gateways.SandboxGateway"}
MOTCUA_PAYMENT_GATEWAY = os.environ.get("MOTCUA_PAYMENT_GATEWAY", "sandbox")
# The merchant code motcua has at the platform and the shared secret of the HMAC-SHA256
# signatures (MOTCUA_PAYMENT_SECRET_FILE to read it from a file). Development and tests use a
# fixed secret; in production, without a secret online payment is off (no button, every
# notification refused).
MOTCUA_PAYMENT_MERCHANT_CODE = os.environ.get("MOTCUA_PAYMENT_MERCHANT_CODE", "000.00.00.H37")
MOTCUA_PAYMENT_SECRET = envsecret("MOTCUA_PAYMENT_SECRET") or (
    "motcua-sandbox-secret-not-for-production" if DEBUG or TESTING else ""
)
# A notification older (or newer) than this is refused: it bounds replays with a captured one.
MOTCUA_PAYMENT_MAX_AGE_SECONDS = envint("MOTCUA_PAYMENT_MAX_AGE_SECONDS", 300)
# Server-to-server calls (query, reconciliation, the sandbox's notifications), seconds.
MOTCUA_PAYMENT_HTTP_TIMEOUT = envint("MOTCUA_PAYMENT_HTTP_TIMEOUT", 10)
# `payments settle` asks the platform about open orders older than this; it cancels the
# orders the platform never saw once they are older than the TTL.
MOTCUA_PAYMENT_SETTLE_AFTER_MINUTES = envint("MOTCUA_PAYMENT_SETTLE_AFTER_MINUTES", 10)
MOTCUA_PAYMENT_ORDER_TTL_MINUTES = envint("MOTCUA_PAYMENT_ORDER_TTL_MINUTES", 24 * 60)
# The local sandbox of the national payment platform under /sandbox-thanh-toan/ (on by default
# only in development and tests), its address as seen by motcua, and whether it sends its
# notifications (0: it "loses" them, to try the settlement by query).
MOTCUA_PAYMENT_SANDBOX = envbool("MOTCUA_PAYMENT_SANDBOX", DEBUG or TESTING)
MOTCUA_PAYMENT_SANDBOX_URL = os.environ.get(
    "MOTCUA_PAYMENT_SANDBOX_URL", MOTCUA_PUBLIC_URL.rstrip("/") + "/sandbox-thanh-toan/"
)
MOTCUA_PAYMENT_SANDBOX_NOTIFY = envbool("MOTCUA_PAYMENT_SANDBOX_NOTIFY", True)


def jobs_settings(env: Mapping[str, str], testing: bool) -> dict[str, Any]:
    """The job runner (django-q2, docs/jobs.md): its broker, timeouts and retries.

    The broker is the database (no other server: the demo and small installations) unless
    MOTCUA_JOBS_BROKER=redis or MOTCUA_REDIS_URL is set (production). Tests run jobs inline
    (`sync`), as does development with MOTCUA_JOBS_SYNC=1 and no worker.
    """
    redis_url = env.get("MOTCUA_REDIS_URL", "").strip()
    broker = env.get("MOTCUA_JOBS_BROKER", "redis" if redis_url else "orm").strip().lower()
    if broker not in {"orm", "redis"}:
        raise ImproperlyConfigured("MOTCUA_JOBS_BROKER must be 'orm' (the database) or 'redis'.")
    if broker == "redis" and not redis_url:
        raise ImproperlyConfigured("MOTCUA_JOBS_BROKER=redis needs MOTCUA_REDIS_URL.")
    timeout = int(env.get("MOTCUA_JOBS_TIMEOUT", 600))
    # A job taken by a worker that died is handed out again after `retry` seconds: it must be
    # longer than the longest job may run (`timeout`), or a slow job would run twice at once.
    retry = int(env.get("MOTCUA_JOBS_REDELIVER_SECONDS", timeout + 60))
    if retry <= timeout:
        raise ImproperlyConfigured("MOTCUA_JOBS_REDELIVER_SECONDS must be larger than MOTCUA_JOBS_TIMEOUT.")
    sync = env.get("MOTCUA_JOBS_SYNC")
    if sync is not None and sync.strip().lower() not in {"0", "1", "true", "false", "yes", "no", "on", "off"}:
        raise ImproperlyConfigured("MOTCUA_JOBS_SYNC must be 0 or 1.")
    conf: dict[str, Any] = {
        "name": "motcua",
        "label": _("Công việc nền"),
        "workers": int(env.get("MOTCUA_JOBS_WORKERS", 2)),
        "timeout": timeout,
        "retry": retry,
        # A job that raises is recorded as failed at once (the admin's "Failed tasks"); its
        # retries with backoff are ours (motcua.jobs.runner), not the broker's fixed interval.
        "ack_failures": True,
        # Only for jobs whose worker died while running them: handed out at most this often.
        "max_attempts": 5,
        # A worker down for a day does not run a minute's schedule 1,440 times when it comes back.
        "catch_up": False,
        "save_limit": 1000,
        "sync": _bool(env, "MOTCUA_JOBS_SYNC", testing),
        "poll": 0.5,
    }
    if broker == "orm":
        conf["orm"] = "default"
    else:
        conf["redis"] = redis_url
    return conf


Q_CLUSTER = jobs_settings(os.environ, TESTING)

# Email (Django's mail framework). Without MOTCUA_EMAIL_HOST, notifications by email go to the
# sandbox (recorded in the admin) instead of an SMTP server (motcua/notify, docs/notifications.md).
EMAIL_HOST = os.environ.get("MOTCUA_EMAIL_HOST", "")
EMAIL_PORT = envint("MOTCUA_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("MOTCUA_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = envsecret("MOTCUA_EMAIL_PASSWORD") or ""
EMAIL_USE_TLS = envbool("MOTCUA_EMAIL_STARTTLS", False)
EMAIL_USE_SSL = envbool("MOTCUA_EMAIL_SSL", False)
EMAIL_TIMEOUT = envint("MOTCUA_EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = os.environ.get("MOTCUA_EMAIL_FROM", "Dịch vụ công <khongtraloi@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if not EMAIL_HOST and DEBUG:
    # The demo has no SMTP server: mail Django sends itself (password reset links) is printed
    # by the development server instead of failing; notifications go to their sandbox.
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
elif not EMAIL_HOST and not TESTING:
    # Without a relay, Django's own mail (password reset links) goes to the host's MTA; the
    # notifications still follow MOTCUA_NOTIFY_EMAIL (the sandbox unless a host is set).
    EMAIL_HOST = "localhost"


def notify_settings(env: Mapping[str, str], email_host: str, testing: bool = False) -> dict[str, Any]:
    """Which gateway sends each channel (motcua/notify/gateways.py) and how.

    email: `smtp` (Django's mail framework) when an SMTP host is set, else `sandbox`;
    sms / zalo: `sandbox` (recorded for the demo) unless `http` with the provider's URL and secret.
    """
    gateways = {
        "email": env.get("MOTCUA_NOTIFY_EMAIL", "smtp" if email_host else "sandbox").strip().lower(),
        "sms": env.get("MOTCUA_NOTIFY_SMS", "sandbox").strip().lower(),
        "zalo": env.get("MOTCUA_NOTIFY_ZALO", "sandbox").strip().lower(),
    }
    allowed = {"email": {"smtp", "sandbox"}, "sms": {"http", "sandbox"}, "zalo": {"http", "sandbox"}}
    http: dict[str, dict[str, str]] = {}
    for channel, gateway in gateways.items():
        if gateway not in allowed[channel]:
            raise ImproperlyConfigured(
                f"MOTCUA_NOTIFY_{channel.upper()} must be one of {', '.join(sorted(allowed[channel]))}."
            )
        if gateway == "http":
            prefix = f"MOTCUA_{channel.upper()}"
            url = env.get(f"{prefix}_URL", "").strip()
            path = env.get(f"{prefix}_SECRET_FILE")
            secret = (Path(path).read_text(encoding="utf-8").strip() if path
                      else env.get(f"{prefix}_SECRET", ""))
            if not url or not secret:
                raise ImproperlyConfigured(f"MOTCUA_NOTIFY_{channel.upper()}=http needs {prefix}_URL and "
                                           f"{prefix}_SECRET (or {prefix}_SECRET_FILE).")
            http[channel] = {"url": url, "secret": secret, "key_id": env.get(f"{prefix}_KEY_ID", "motcua")}
    return {
        "gateways": gateways,
        "http": http,
        # Hand a transition's messages to the worker as soon as it commits (else the periodic job
        # `notify.deliver` finds them within a minute). Off in tests: their threads share one
        # in-memory SQLite database where a write after commit would contend with the test's own.
        "send_on_commit": _bool(env, "MOTCUA_NOTIFY_ON_COMMIT", not testing),
        # Seconds a worker holds a message it is sending before another worker may take it over.
        "lease_seconds": int(env.get("MOTCUA_NOTIFY_LEASE_SECONDS", 120)),
        "max_attempts": int(env.get("MOTCUA_NOTIFY_MAX_ATTEMPTS", 8)),
        "http_timeout": float(env.get("MOTCUA_NOTIFY_HTTP_TIMEOUT", 10)),
        # Local time the officers' digest of dossiers due soon is sent (working days).
        "digest_hour": int(env.get("MOTCUA_NOTIFY_DIGEST_HOUR", 7)),
    }


MOTCUA_NOTIFY = notify_settings(os.environ, os.environ.get("MOTCUA_EMAIL_HOST", ""), TESTING)

# Logs carry codes, status codes, exception class names and our own ids, never personal data nor
# the text of an exception or of another service's answer (motcua/core/logs.py): the filter is
# the net for the records of Django and the libraries (a traceback keeps its frames, not its message).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_exception_text": {"()": "motcua.core.logs.NoExceptionText"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["no_exception_text"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("MOTCUA_LOG_LEVEL", "WARNING")},
}
