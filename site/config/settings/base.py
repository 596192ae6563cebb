"""Settings shared by every environment.

Values an operator may change come from ``environment`` (the only module that
reads the process environment). See docs/production.md for the full list.
"""

from django.utils.translation import gettext_lazy as _

from . import environment as env

BASE_DIR = env.PROJECT_ROOT
SITE_DIR = BASE_DIR / "site"
VAR_DIR = env.path("VAR_DIR", BASE_DIR / "var")

SECRET_KEY = env.text("SECRET_KEY")
DEBUG = env.flag("DEBUG", default=False)
ALLOWED_HOSTS = env.listing("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.listing("CSRF_TRUSTED_ORIGINS")

# Apps of this project come first so that their templates override Wagtail's.
PROJECT_APPS = [
    # First: its catalogue corrects Django's, Wagtail's and wagtail-localize's (language.catalogue).
    "language",
    "home",
    "publishing",
    "contentblocks",
    "listing",
    "taxonomy",
    "documents",
    "knowledge",
    "groups",
    "news",
    "members",
    "subscriptions",
    "search",
    "operations",
]

INSTALLED_APPS = PROJECT_APPS + [
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Only its catalogue: Wagtail writes "28 seconds ago" with humanize's naturaltime.
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First: it times every request and gives it an id (operations.requestlog).
    "operations.requestlog.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "operations.security.ContentSecurityPolicyMiddleware",
    "operations.pagecache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before anything reads the body: an oversized form gets its form back, not a bare 400.
    "operations.form_limits.OversizedFormMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # After the CSRF check: a forged cross-site post costs nobody an attempt.
    "operations.login_throttle.LoginThrottleMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # What every reading request asks many times, answered once (visibility, locale).
    "operations.request_memo.RequestMemoMiddleware",
    # The site and the served page's route, from answers kept until the public view changes.
    "home.routing.SiteRoutingMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": env.database(VAR_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Catalan is the network's working language and the default.
LANGUAGE_CODE = "ca"
LANGUAGES = [
    ("ca", "Català"),
    ("es", "Español"),
    ("en", "English"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# How the public search analyses each content language (search.text): Snowball stemmer,
# simplemma's lemma data, the short common words a query needs not match ("stop_words":
# those of every language are dropped from every query; Catalan's d and l are the elided
# de and el/la of "llei d'economia", "l'habitatge"), Elasticsearch's stemmer, stop
# words and elided articles.
# Adding a content language means adding it here too.
SEARCH_LANGUAGES = {
    "ca": {
        "snowball": "catalan",
        "lemmas": "ca",
        "stop_words": (
            "a al als amb com d de del dels el els en es hi ho i l la les o pel pels per que "
            "sense un una uns unes"
        ),
        "elasticsearch": {
            "stemmer": "catalan",
            "stop": "_catalan_",
            "elision": ["d", "l", "m", "n", "s", "t"],
        },
    },
    "es": {
        "snowball": "spanish",
        "lemmas": "es",
        "stop_words": "como y lo los las con por para",
        "elasticsearch": {"stemmer": "light_spanish", "stop": "_spanish_", "elision": []},
    },
    "en": {
        "snowball": "english",
        "lemmas": "en",
        "stop_words": "the of and or to in on for an is are be by with at",
        "elasticsearch": {"stemmer": "english", "stop": "_english_", "elision": []},
    },
}
# How much a result of each page type weighs in the public search's ranking (others: 1).
# The network's knowledge (guides, policy documents, working groups, the work plan) comes
# before general pages that use the same words, and listings (library, agenda, indexes)
# after the items they list.
SEARCH_TYPE_WEIGHTS = {
    "knowledge.guidepage": 2.0,
    "knowledge.policydocumentpage": 2.0,
    "groups.workinggrouppage": 2.0,
    "news.workplanpage": 2.0,
    "knowledge.guidechapterpage": 1.3,
    "news.newspage": 1.3,
    "news.eventpage": 1.3,
    "knowledge.librarypage": 0.5,
    "news.agendapage": 0.5,
    "news.newsindexpage": 0.5,
    "groups.workinggroupindexpage": 0.5,
}
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# "Translate this page" makes the new language's page a draft, whatever the source's state:
# it goes public only when its translation is published (publishing/translations.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [SITE_DIR / "locale"]
# Dates in each language's own form: "10 d'octubre de 2022", "10 de octubre de 2022",
# "10 October 2022" (Catalan's preposition comes from language/locale, English's order from here).
FORMAT_MODULE_PATH = ["language.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Madrid"

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", VAR_DIR / "static")
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", VAR_DIR / "media")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "XMESS"
WAGTAILADMIN_BASE_URL = env.text("BASE_URL", "http://127.0.0.1:8000")
# Models (besides pages, files and view restrictions) whose rows show on public
# pages: saving one tells the page cache that anonymous visitors' view changed
# (publishing.events), and the answers kept per process (operations.public_snapshot):
# the search's synonyms and editors' promoted results among them.
PUBLIC_DATA_MODELS = [
    "home.NetworkSettings",
    "home.NetworkDetails",
    "taxonomy.Topic",
    "taxonomy.TagTranslation",
    "taggit.Tag",
    "members.Member",
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtailredirects.Redirect",
    "search.Synonym",
    "wagtailsearchpromotions.SearchPromotion",
]

WAGTAILDOCS_DOCUMENT_MODEL = "documents.SearchableDocument"
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "odt",
    "ods",
    "odp",
    "docx",
    "xlsx",
    "pptx",
    "csv",
    "txt",
    "rtf",
    "zip",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 100 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
# A file Pillow cannot decode is a form error, not a 500 (documents.image_forms).
WAGTAILIMAGES_IMAGE_FORM_BASE = "documents.image_forms.ImageForm"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# Wagtail's publication of an approved page, reusing what the review read (operations).
WAGTAIL_FINISH_WORKFLOW_ACTION = "operations.workflow_finish.publish_workflow_state"
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
# The API's ?search= reads Wagtail's own index, which holds drafts: off (a 400 that says so).
# The public search is /api/search/.
WAGTAILAPI_SEARCH_ENABLED = False

# Search: Wagtail's database backend by default; Elasticsearch when ELASTICSEARCH_URL is set.
ELASTICSEARCH_URL = env.text("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX_PREFIX = env.text("ELASTICSEARCH_INDEX_PREFIX", "knowledgehub_")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch9",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": ELASTICSEARCH_INDEX_PREFIX,
            "TIMEOUT": 10,
            "AUTO_UPDATE": True,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": True}
    }
# The public search (search/) keeps its own per-language index: on Elasticsearch
# when ELASTICSEARCH_URL is set, otherwise in the database (FTS5 or tsvector).
SEARCH_ELASTICSEARCH_URL = ELASTICSEARCH_URL
SEARCH_ELASTICSEARCH_INDEX_PREFIX = ELASTICSEARCH_INDEX_PREFIX

# Background work (document text extraction, reference index) runs through django-tasks.
TASKS = {
    "default": {
        "BACKEND": env.text("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# Reading the text of uploaded files (documents.extraction), always in the box of
# documents.sandbox: a child process with these limits. Past one, the file is "too complex".
DOCUMENTS_EXTRACTION_CPU_SECONDS = int(env.text("EXTRACTION_CPU_SECONDS", "20"))
DOCUMENTS_EXTRACTION_MEMORY_MB = int(env.text("EXTRACTION_MEMORY_MB", "512"))
DOCUMENTS_EXTRACTION_TIMEOUT_SECONDS = int(env.text("EXTRACTION_TIMEOUT_SECONDS", "60"))

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# Email: through SMTP when EMAIL_URL (or EMAIL_HOST) is set, otherwise printed on the
# console (`make run`). See docs/production.md.
EMAIL = env.email()
EMAIL_BACKEND = EMAIL["backend"]
EMAIL_HOST = EMAIL["host"]
EMAIL_PORT = EMAIL["port"]
EMAIL_HOST_USER = EMAIL["user"]
EMAIL_HOST_PASSWORD = EMAIL["password"]
EMAIL_USE_TLS = EMAIL["use_tls"]
EMAIL_USE_SSL = EMAIL["use_ssl"]
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = env.text("DEFAULT_FROM_EMAIL", "web@xmess.example")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Review emails reach the reviewing group (the secretariat), not every superuser.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# Demo content: each app contributes a loader, run in this order by `manage.py load_demo`.
DEMO_CONTENT_LOADERS = [
    "home.demo.load",
    "groups.demo.load",
    "knowledge.demo.load",
    # Needs the section's product types: keep it after the knowledge loader.
    "groups.demo.load_workflow_examples",
    "news.demo.load",
    "members.demo.load",
    "subscriptions.demo.load",
    # After every loader that tags pages: the tags' Spanish and English names.
    "taxonomy.demo.load",
    # Last: synonyms, then a full rebuild of the public search index.
    "search.demo.load",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(levelname)s %(name)s %(message)s"},
        "json": {"()": "operations.requestlog.JsonLinesFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "requests": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "root": {"handlers": ["console"], "level": env.text("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # One JSON line per request at INFO: on in production, off under `make run`.
        "operations.requests": {
            "handlers": ["requests"],
            "level": env.text("REQUEST_LOG_LEVEL", "WARNING"),
            "propagate": False,
        },
    },
}

SITE_TITLE = _("Knowledge hub")

# Security headers in every environment (operations.security; docs/production.md).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        # Video embeds in page bodies (Wagtail's EmbedBlock).
        "frame-src": [
            "'self'",
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Wagtail's admin runs a few inline scripts, sets inline styles, draws with
# data:/blob: images and frames its own previews: only its paths get these.
CSP_RELAXED_PATH_PREFIXES = ["/admin/"]
CSP_RELAXED_DIRECTIVES = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-ancestors": ["'self'"],
}

# No avatars from gravatar.com: it would send a hash of each editor's email elsewhere.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Caches: a shared one so that every worker sees the same pages and purges.
CACHE_URL = env.text("CACHE_URL")
CACHES = {
    "default": (
        # Django's Redis backend, with one client per process (operations.rediscache).
        {"BACKEND": "operations.rediscache.RedisCache", "LOCATION": CACHE_URL}
        if CACHE_URL.startswith(("redis://", "rediss://"))
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    ),
}
# Keeps sites (or test fleets) that share one Redis apart.
CACHES["default"]["KEY_PREFIX"] = env.text("CACHE_KEY_PREFIX")
# Anonymous page cache (operations.pagecache): seconds to keep a page; 0 turns it off.
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(env.text("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_EXCLUDED_PATHS = [
    "/admin/",
    "/documents/",
    "/api/",
    "/i18n/",
    "/static/",
    "/media/",
    "/health/",
]
# Searches always reach the view, so that the search analytics count every one.
PAGE_CACHE_EXCLUDED_PATTERNS = [r"^/[a-z]{2}(-[a-z]+)?/search/"]
# Left out of the cache key, and a request carrying them never stores a page.
PAGE_CACHE_TRACKING_PREFIXES = ["utm", "mtm_", "pk_", "_hs", "hsa_"]
PAGE_CACHE_TRACKING_PARAMETERS = [
    "fbclid", "gclid", "gbraid", "wbraid", "dclid", "msclkid", "yclid", "twclid", "ttclid",
    "igshid", "li_fat_id", "mc_cid", "mc_eid", "_ga", "_gl", "mkt_tok", "ref_src",
]  # fmt: skip
# Query-string variants cached per path (listing filters and pages), and their longest query.
PAGE_CACHE_MAX_VARIANTS_PER_PATH = 50
PAGE_CACHE_MAX_QUERY_LENGTH = 300

# The public needs questionnaire (members.guard): answers kept per client address and hour.
QUESTIONNAIRE_MAX_PER_ADDRESS = 10
QUESTIONNAIRE_WINDOW_SECONDS = 60 * 60
# Sign-in guard (operations.login_throttle): admin and front-end sign-in, page and collection
# passwords, password reset. Attempts per window, counted in the database (docs/production.md).
LOGIN_THROTTLE_ENABLED = True
LOGIN_THROTTLE_WINDOW_SECONDS = int(env.text("SIGNIN_WINDOW_SECONDS", "900"))
LOGIN_THROTTLE_MAX_PER_ADDRESS = int(env.text("SIGNIN_MAX_PER_ADDRESS", "20"))
LOGIN_THROTTLE_MAX_PER_ACCOUNT_AND_ADDRESS = int(
    env.text("SIGNIN_MAX_PER_ACCOUNT_AND_ADDRESS", "5")
)
# From every address together, for browsers that never signed in to the account.
LOGIN_THROTTLE_MAX_PER_ACCOUNT = int(env.text("SIGNIN_MAX_PER_ACCOUNT", "50"))
LOGIN_THROTTLE_DEVICE_COOKIE_NAME = "signin_device"
LOGIN_THROTTLE_DEVICE_COOKIE_DAYS = 180
# Behind a reverse proxy, the request header that carries the client's address
# (e.g. HTTP_X_FORWARDED_FOR); empty uses REMOTE_ADDR.
LOGIN_THROTTLE_CLIENT_ADDRESS_HEADER = env.text("CLIENT_ADDRESS_HEADER")

# /health/ (operations.health): the task queue counts as stuck when a ready task has
# waited longer than this, which means no worker is taking tasks.
HEALTH_TASKS_MAX_WAIT_SECONDS = int(env.text("HEALTH_TASKS_MAX_WAIT_SECONDS", "300"))
