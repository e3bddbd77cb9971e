"""URLs: French without a prefix, Arabic under /ar/ and English under /en/.

Wagtail serves the home page at "" before Oscar's include (whose own "" would redirect back to it),
and Wagtail's catch-all comes last so that it never shadows the shop's prefixes.
"""

import re

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve as serve_static
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from catalogue.views import OfferBasketView
from cms import sitemap
from cms import views as cms_views
from marketplace.apps.payment.views import stripe_webhook
from marketplace.health import health
from search import views as search_views

urlpatterns = [
    path("health/", health, name="health"),
    path("sitemap.xml", sitemap.sitemap, name="sitemap"),
    path("robots.txt", sitemap.robots_txt, name="robots-txt"),
    path("payments/stripe/webhook/", stripe_webhook, name="stripe-webhook"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("django-admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    re_path(r"^$", cms_views.serve, {"path": ""}, name="home"),
    path("cooperatives/", include("cooperatives.urls")),
    path("my-cooperative/", include("cooperatives.space.urls")),
    path("search/suggest/", search_views.suggest, name="search-suggest"),
    path("paniers-solidaires/<int:pk>/offrir/", OfferBasketView.as_view(), name="basket-offer"),
    path("", include(apps.get_app_config("oscar").urls[0])),
    # Wagtail's URLs (the forms of password-protected pages), its page view last, with its
    # routes remembered (cms.views).
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(r"^((?:[\w\-]+/)*)$", cms_views.serve, name="wagtail_serve"),
    prefix_default_language=False,
)

if settings.DEBUG or settings.SERVE_MEDIA:
    urlpatterns.insert(
        0,
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve_static,
            {"document_root": settings.MEDIA_ROOT},
        ),
    )
