"""Settings shared by every environment. All configuration comes from the environment via `env`."""

from decimal import Decimal
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _
from oscar.defaults import *  # noqa: F403  (Oscar's documented way to load its defaults)

from marketplace.money import CurrencyFormatByLanguage

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A local .env is a convenience for developers; the real environment always wins.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

SITE_ID = 1
SITE_NAME = "Souk Tadamoun"

INSTALLED_APPS = [
    # modeltranslation patches the admin and must come before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.humanize",
    # Oscar, with our forks in place of its catalogue and search apps.
    "oscar.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "marketplace.apps.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "marketplace.apps.shipping.apps.ShippingConfig",
    "catalogue.apps.CatalogueConfig",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "marketplace.apps.partner.apps.PartnerConfig",
    "marketplace.apps.basket.apps.BasketConfig",
    "marketplace.apps.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "marketplace.apps.order.apps.OrderConfig",
    "marketplace.apps.customer.apps.CustomerConfig",
    "search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "marketplace.apps.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "marketplace.apps.dashboard.orders.apps.OrdersDashboardConfig",
    "marketplace.apps.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "widget_tweaks",
    "treebeard",
    "django_tables2",
    "sorl.thumbnail",
    # Wagtail (editorial pages). Its search app is labelled `wagtailsearch`, so it does not
    # clash with Oscar's `search`.
    "wagtail.contrib.forms",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Ours.
    "cooperatives.apps.CooperativesConfig",
    "cms.apps.CmsConfig",
    "marketplace.pagecache.apps.PageCacheConfig",
    # Background work: django-tasks on its database backend (worker: `manage.py db_worker`).
    "django_tasks",
    "django_tasks_db",
    "marketplace.background.apps.BackgroundConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses the text the page cache has not compressed already.
    "marketplace.compression.TextGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Oscar's, with the site's offers from the cache.
    "marketplace.apps.basket.middleware.BasketMiddleware",
    # Reads the session, language, user, messages and basket cookie set up above.
    "marketplace.pagecache.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Ids beyond 64 bits and NUL bytes in the views we do not own: 404 / 400, not 500.
    "marketplace.lookups.UnanswerableLookupMiddleware",
    # Last, so that its transaction holds the view only.
    "marketplace.transactions.AtomicUnsafeRequestsMiddleware",
]

ROOT_URLCONF = "marketplace.urls"
WSGI_APPLICATION = "marketplace.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Our templates override Oscar's by path, so they come first.
        "DIRS": [BASE_DIR / "marketplace" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.template.context_processors.i18n",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
                "marketplace.context_processors.languages",
                "marketplace.context_processors.dashboard_link",
                "marketplace.pagecache.context_processors.csrf_placeholder",
            ],
        },
    },
]

# Database: SQLite is the embedded default for a first run; PostgreSQL in production and CI.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# Requests that change something (POST, PUT, PATCH, DELETE) run in one transaction, and page views
# in autocommit: `marketplace.transactions.AtomicUnsafeRequestsMiddleware` replaces Django's
# ATOMIC_REQUESTS, which also wraps every GET in a transaction (a write lock on SQLite).
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=0))
# Seconds a writer waits for another writer's lock before giving up (SQLite's busy timeout).
DATABASE_LOCK_TIMEOUT = env.int("DATABASE_LOCK_TIMEOUT", default=20)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Many readers beside one writer at a time (WAL); a write transaction takes its lock when it
    # begins (IMMEDIATE), so a second writer waits for it instead of failing with "database is
    # locked" half-way through.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": DATABASE_LOCK_TIMEOUT,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                f"PRAGMA busy_timeout={DATABASE_LOCK_TIMEOUT * 1000}"
            ),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

# The cache holds sessions, anonymous pages and campaign progress. Local memory serves a
# first run (one process); wherever more than one process serves (gunicorn workers, the worker
# and the web), CACHE_URL points all of them at one Redis: redis://127.0.0.1:6379/0.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://souk")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # A Redis that stops answering slows nothing down and breaks no page: it counts as empty.
    CACHES["default"]["BACKEND"] = "marketplace.cache.ResilientRedisCache"
    CACHES["default"].setdefault("OPTIONS", {}).update(
        {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
    )
elif CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache":
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 20_000)
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Anonymous pages from the cache (marketplace.pagecache): kept until what they show changes, and
# never past local midnight; at most this long.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=6 * 3600)
# Pages rendered by one release are never served by another (set it to the release's id).
PAGE_CACHE_RELEASE = env("RELEASE_ID", default="")
# Query parameters that cached pages read (listings, filters, pagination); a page asked with any
# other parameter is rendered for the visitor and not stored. Tracking parameters (utm_* ...)
# are dropped before the page is looked up.
PAGE_CACHE_QUERY_PARAMETERS = frozenset(
    {
        "q", "sort_by", "page", "p", "category", "region", "cooperative", "label", "kind",
        "price", "women_led", "in_stock", "sector", "tag",
    }
)  # fmt: skip
PAGE_CACHE_MAX_QUERY_PARAMETERS = 16

AUTHENTICATION_BACKENDS = [
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "/"

# Languages: French by default (no URL prefix), Arabic and English under /ar/ and /en/.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("ar", "العربية"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "marketplace" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Africa/Casablanca"
MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_LANGUAGES = ("fr", "ar", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fr",)

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
# Our own files (static/souk) and the generated ones (static/build: the stylesheets `make assets`
# builds from static/src) — not static/src itself, nor static/build a second time under a build/
# prefix, where the stylesheets' relative links would not resolve.
STATICFILES_DIRS = [("souk", BASE_DIR / "static" / "souk"), BASE_DIR / "static" / "build"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Let Django serve uploaded media (a single-box deployment); a proxy or CDN does it at scale.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploads larger than this are refused before they reach a view.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
if env("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
# Links in emails point here.
MARKETPLACE_BASE_URL = env("MARKETPLACE_BASE_URL", default="http://localhost:8000")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Souk Tadamoun <contact@souk-tadamoun.ma>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Oscar.
OSCAR_SHOP_NAME = "Souk Tadamoun"
OSCAR_SHOP_TAGLINE = _("Moroccan cooperatives' products, sold fairly")
OSCAR_DEFAULT_CURRENCY = "MAD"
OSCAR_CURRENCY_FORMAT = CurrencyFormatByLanguage()
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL
OSCAR_HOMEPAGE = "/"
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_ALLOW_ANON_CHECKOUT = True
OSCAR_MISSING_IMAGE_URL = "image_not_found.jpg"
# Oscar's sorl thumbnailer, giving pictures whose file is missing the size asked for.
OSCAR_THUMBNAILER = "marketplace.thumbnails.SizedSorlThumbnail"
OSCAR_HIDDEN_FEATURES = ["reviews", "wishlists"]
# A Moroccan address: a name, a street and a city; the region and a mobile phone are required by
# our checkout form; many rural customers have no postcode.
OSCAR_REQUIRED_ADDRESS_FIELDS = ("first_name", "last_name", "line1", "line4")
# An order's status follows its cooperative shipments (see cooperatives.services).
OSCAR_INITIAL_ORDER_STATUS = "Pending"
# An order's status follows its parcels (`cooperatives.services.order_status_refresh`), through
# Order.set_status (its history and its signal): the pipeline allows every move that derivation
# makes, and nothing else sets a status (the dashboard's manual status changes are gone).
ORDER_STATUSES = (
    "Pending payment",
    "Pending",
    "Being processed",
    "Shipped",
    "Complete",
    "Cancelled",
)
OSCAR_ORDER_STATUS_PIPELINE = {
    status: tuple(other for other in ORDER_STATUSES if other != status) for status in ORDER_STATUSES
}
OSCAR_LINE_STATUS_PIPELINE = {}
# Oscar's dashboard menu, plus our solidarity baskets pages (staff only).
OSCAR_DASHBOARD_NAVIGATION = [
    *OSCAR_DASHBOARD_NAVIGATION,  # noqa: F405  (from oscar.defaults)
    {
        "label": _("Solidarity baskets"),
        "icon": "fas fa-shopping-basket",
        "children": [
            {"label": _("Baskets"), "url_name": "dashboard:basket-list"},
            {"label": _("Hub parcels"), "url_name": "dashboard:hub-shipment-list"},
        ],
    },
]
# Platform commission taken on a cooperative's sales unless the cooperative has its own rate.
MARKETPLACE_DEFAULT_COMMISSION_RATE = Decimal(
    env.str("MARKETPLACE_DEFAULT_COMMISSION_RATE", default="0.10")
)

# Stripe (card payments) switches on when all three are set; cash on delivery works without it.
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="")
# Only tests point the library elsewhere (a local server answering like Stripe's API).
STRIPE_API_BASE = env("STRIPE_API_BASE", default="")
# A card order not paid within this delay is cancelled and its stock released.
CARD_PAYMENT_EXPIRY_MINUTES = env.int("CARD_PAYMENT_EXPIRY_MINUTES", default=60)

# Haystack is installed as a dependency of Oscar's search modules, which read this setting at
# import time. It never runs: our search fork does not use it and nothing is indexed through it.
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"

# Elasticsearch is optional: search switches on when ELASTICSEARCH_URL is set and reachable.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
ELASTICSEARCH_TIMEOUT = env.float("ELASTICSEARCH_TIMEOUT", default=1.0)
# Indexing runs in the worker and commands, never in a shopper's request: it may wait longer.
ELASTICSEARCH_INDEXING_TIMEOUT = env.float("ELASTICSEARCH_INDEXING_TIMEOUT", default=30.0)
# The alias searches go to; each rebuild makes a new index behind it.
ELASTICSEARCH_INDEX = env("ELASTICSEARCH_INDEX", default="souk-catalogue")
# After a rebuild moves the alias, searches already sent to the old index still need it: it is
# dropped only after this many seconds.
ELASTICSEARCH_OLD_INDEX_GRACE = env.float("ELASTICSEARCH_OLD_INDEX_GRACE", default=5.0)

# Wagtail.
WAGTAIL_SITE_NAME = "Souk Tadamoun"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://localhost:8000")
WAGTAILDOCS_EXTENSIONS = ["pdf", "jpg", "jpeg", "png"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Pages exist in French, Arabic and English. Editors translate with Wagtail's simple translation
# (see the README for why not wagtail-localize); new pages appear in every language tree as aliases
# of the original until someone translates them.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Campaign progress is counted from orders; pages may show a count this many seconds old.
CAMPAIGN_PROGRESS_CACHE_SECONDS = env.int("CAMPAIGN_PROGRESS_CACHE_SECONDS", default=60)

THUMBNAIL_PRESERVE_FORMAT = True
THUMBNAIL_QUALITY = 82

# Background work (marketplace/background): every task, Wagtail's included, is a row in the
# database, written in the transaction that asks for it (a rolled-back change queues nothing), run
# by `manage.py db_worker --queue-name '*'`; `manage.py tasks_schedule --forever` queues the
# periodic ones below.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "search", "emails", "periodic"],
    }
}
# (task, seconds between runs)
TASKS_PERIODIC = [
    ("cms.tasks.pages_scheduled_publish", 60),
    ("marketplace.apps.payment.tasks.orders_unpaid_expire_task", 300),
    ("marketplace.background.tasks.task_results_prune", 24 * 3600),
]
TASKS_KEEP_SUCCESSFUL_DAYS = env.int("TASKS_KEEP_SUCCESSFUL_DAYS", default=7)
TASKS_KEEP_FAILED_DAYS = env.int("TASKS_KEEP_FAILED_DAYS", default=90)
# /health/ says "degraded" when a task due this long ago has not started: no worker runs.
TASKS_LATE_SECONDS = env.int("TASKS_LATE_SECONDS", default=600)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "elastic_transport": {"level": "WARNING"},
        # Oscar logs two lines for every stock change; keep its warnings only.
        "oscar.alerts": {"level": "WARNING"},
        # django-tasks logs each task's start and end at INFO; Wagtail each page action.
        "django_tasks": {"level": "WARNING"},
        # `db_worker` sets its own level (INFO unless -v0) when it runs.
        "django_tasks_db": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
