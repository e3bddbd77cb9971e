"""Demo editorial site in French, Arabic and English: the home page, an about page, two campaigns
(one running, through which buyers can offer solidarity baskets; one ended), three articles and
two coming fairs, with pictures drawn locally.

Pages are found again by their slug, so loading twice changes nothing and keeps editors' edits.
Dates are relative to the day of loading, so the running campaign is always running.
"""

from __future__ import annotations

import datetime
import io

from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Page

from catalogue.models import Product
from cms import services
from cms.demo import content
from cms.models import (
    ArticleIndexPage,
    ArticlePage,
    CampaignCooperative,
    CampaignIndexPage,
    CampaignPage,
    CampaignProduct,
    EventIndexPage,
    EventPage,
    HomePage,
    StandardPage,
)
from cooperatives.demo.baskets import demo_basket_products
from cooperatives.demo.images import draw_picture
from cooperatives.demo.loader import DEMO_PASSWORD, DemoLogin, _upsert_user
from cooperatives.models import Cooperative, Region

EDITOR_EMAIL = "editrice@souk-tadamoun.ma"
CONTRIBUTOR_EMAIL = "redacteur@souk-tadamoun.ma"
COVER_SIZE = (1200, 630)

CAMPAIGN_SETUP = {
    "ramadan": {
        "start_offset": -14,
        "end_offset": 75,
        "colour": "#4f6b2c",
        "products": [
            "nakhil-dattes-mejhoul-1kg",
            "zenaga-dattes-aziza-1kg",
            "nour-couscous-ble-dur-1kg",
            "zitouna-huile-olive-vierge-extra-1l",
            "tamazirt-miel-toutes-fleurs-500g",
            "tifawin-amlou-250g",
        ],
        "cooperatives": [
            "nakhil-aoufous",
            "zenaga-dattes",
            "nour-chaouia-couscous",
            "zitouna-ouallal",
        ],
        # Buyers can offer baskets through it (to the partner named in content.CAMPAIGNS), and
        # these demo baskets (cooperatives/demo/baskets.py keys) are featured after the products.
        "accepts_offered_baskets": True,
        "baskets": ["ramadan", "petit-dejeuner-souss"],
    },
    "argan-week": {
        "start_offset": -120,
        "end_offset": -110,
        "colour": "#8c3b1f",
        "products": [
            "tifawin-huile-argan-alimentaire-250ml",
            "tifawin-huile-argan-cosmetique-100ml",
            "azaghar-safran-pistils-1g",
            "azaghar-coffret-safran-3g",
            "tamment-miel-thym-500g",
        ],
        "cooperatives": ["tifawin-argan", "azaghar-safran", "tamment-imouzzer"],
        "accepts_offered_baskets": False,
        "baskets": [],
    },
}
ARTICLE_COLOURS = ("#b5562d", "#9b2f6b", "#2f5f9b")


def _picture(title: str, colour: str):
    """A Wagtail image drawn once and found again by its title."""
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        data = draw_picture(seed=title, colour=colour, size=COVER_SIZE)
        image = Image(title=title)
        image.file = ImageFile(io.BytesIO(data), name=f"demo-{slugify(title)}.jpg")
        image.save()
    return image


def _blocks(blocks: list[tuple]) -> list[tuple[str, object]]:
    """Content's ("paragraph", html) and ("quote", {...}) as our block names."""
    named = {"paragraph": "text", "quote": "quote"}
    return [(named[kind], value) for kind, value in blocks]


def _publish(page: Page) -> Page:
    page.save_revision().publish()
    return page


def _child(parent: Page, model, *, slug: str, source: Page | None, fields: dict) -> Page:
    """The child of `parent` with this slug, made and published if missing; `source` is the
    page it translates (same translation key)."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, locale_id=parent.locale_id, **fields)
    if source is not None:
        page.translation_key = source.translation_key
    parent.add_child(instance=page)
    return _publish(page)


def _homes() -> dict[str, HomePage]:
    return {home.locale.language_code: home for home in services.home_translations_ensure()}


def _fill_home(home: HomePage, texts: dict, image) -> None:
    if home.hero_title:
        return
    home.title = texts["title"]
    home.seo_title = texts["seo_title"]
    home.search_description = texts["search_description"]
    home.hero_title = texts["hero_title"]
    home.hero_text = texts["hero_text"]
    home.hero_image = image
    home.body = _blocks(texts["body"])
    _publish(home)


def _in_each_language(parents: dict[str, Page], model, texts: dict, fields) -> dict[str, Page]:
    """The page in every language under the parent of the same language; `fields(lang)` gives
    the fields beyond those in `texts`."""
    pages: dict[str, Page] = {}
    source = None
    for lang in content.LANGUAGES:
        text = texts[lang]
        page = _child(
            parents[lang],
            model,
            slug=text["slug"],
            source=source,
            fields={"title": text["title"], "search_description": text["search_description"]}
            | fields(lang, text),
        )
        source = source or page
        pages[lang] = page
    return pages


def _products(slugs: list[str]) -> list[Product]:
    by_slug = {product.slug: product for product in Product.objects.filter(slug__in=slugs)}
    return [by_slug[slug] for slug in slugs if slug in by_slug]


def _offers(*, setup: dict, text: dict) -> dict:
    """The campaign's offered-baskets fields in one language (none for a campaign without)."""
    if not setup["accepts_offered_baskets"]:
        return {"accepts_offered_baskets": False, "partner_name": "", "partner_description": ""}
    return {
        "accepts_offered_baskets": True,
        "partner_name": text["partner_name"],
        "partner_description": text["partner_description"],
    }


def _campaign_offers_ensure(
    *, page: CampaignPage, setup: dict, text: dict, baskets: list[Product]
) -> None:
    """Bring a campaign made before the demo baskets existed up to date: buyers can offer baskets
    to its partner, and the baskets are featured. Only what is missing is added (a partner an
    editor named is kept), and a new revision is published only if something changed."""
    changed = False
    if setup["accepts_offered_baskets"] and not page.partner_name:
        for name, value in _offers(setup=setup, text=text).items():
            setattr(page, name, value)
        changed = True
    featured = list(page.featured_products.all())
    present = {item.product_id for item in featured}
    missing = [basket for basket in baskets if basket.pk not in present]
    if missing:
        # Number them all: rows made without a sort order would sort apart from the new ones.
        for position, item in enumerate(featured):
            item.sort_order = position
        page.featured_products = featured + [
            CampaignProduct(product=basket, sort_order=len(featured) + offset)
            for offset, basket in enumerate(missing)
        ]
        changed = True
    if changed:
        _publish(page)


def _campaigns(index: dict[str, Page], today: datetime.date) -> dict[str, CampaignPage]:
    pages = {}
    for data in content.CAMPAIGNS:
        setup = CAMPAIGN_SETUP[data["key"]]
        image = _picture(f"Campagne {data['key']}", setup["colour"])
        baskets = demo_basket_products(keys=setup["baskets"])
        products = _products(setup["products"]) + baskets
        cooperatives = list(Cooperative.objects.filter(slug__in=setup["cooperatives"]))

        def fields(  # the loop's values are bound as defaults
            lang, text, setup=setup, image=image, data=data, products=products, coops=cooperatives
        ):
            return {
                "intro": text["intro"],
                "body": _blocks(text["body"]),
                "cta_label": text["cta_label"],
                "start_date": today + datetime.timedelta(days=setup["start_offset"]),
                "end_date": today + datetime.timedelta(days=setup["end_offset"]),
                "goal_kind": data["goal_kind"],
                "goal": data["goal"],
                "image": image,
                "featured_products": [
                    CampaignProduct(product=p, sort_order=position)
                    for position, p in enumerate(products)
                ],
                "featured_cooperatives": [CampaignCooperative(cooperative=c) for c in coops],
            } | _offers(setup=setup, text=text)

        translations = _in_each_language(index, CampaignPage, data["texts"], fields)
        for lang, page in translations.items():
            _campaign_offers_ensure(
                page=page, setup=setup, text=data["texts"][lang], baskets=baskets
            )
        pages[data["key"]] = translations["fr"]
    return pages


def _articles(index: dict[str, Page], today: datetime.date) -> None:
    for number, data in enumerate(content.ARTICLES):
        image = _picture(f"Article {data['key']}", ARTICLE_COLOURS[number % len(ARTICLE_COLOURS)])

        def fields(lang, text, data=data, image=image):
            return {
                "intro": text["intro"],
                "body": _blocks(text["body"]),
                "date": today - datetime.timedelta(days=data["days_ago"]),
                "kind": data["kind"],
                "image": image,
            }

        pages = _in_each_language(index, ArticlePage, data["texts"], fields)
        for lang, page in pages.items():
            if not page.tags.exists():
                page.tags.add(*data["tags"][lang])
                _publish(page)


def _events(index: dict[str, Page], today: datetime.date) -> None:
    for data in content.EVENTS:
        region = Region.objects.filter(code=data["region_code"]).first()
        start = today + datetime.timedelta(days=data["days_from_now"])

        def fields(lang, text, region=region, start=start, data=data):
            return {
                "intro": text["intro"],
                "body": _blocks(text["body"]),
                "place": text["place"],
                "region": region,
                "start_date": start,
                "end_date": start + datetime.timedelta(days=data["duration_days"] - 1),
            }

        _in_each_language(index, EventPage, data["texts"], fields)


def _index(homes: dict[str, HomePage], model, texts: dict) -> dict[str, Page]:
    return _in_each_language(
        homes, model, texts, lambda lang, text: {"intro": text["intro"], "show_in_menus": True}
    )


def load_editorial() -> list[DemoLogin]:
    """The demo pages in three languages and the editors' logins."""
    services.editorial_setup_ensure()
    today = timezone.localdate()
    homes = _homes()
    hero = _picture("Accueil Souk Tadamoun", "#b5562d")
    for lang, home in homes.items():
        _fill_home(home, content.HOME[lang], hero)

    _in_each_language(
        homes,
        StandardPage,
        content.ABOUT,
        lambda lang, text: {"intro": text["intro"], "body": _blocks(text["body"])},
    )
    campaign_index = _index(homes, CampaignIndexPage, content.CAMPAIGN_INDEX)
    _campaigns(campaign_index, today)
    _articles(_index(homes, ArticleIndexPage, content.ARTICLE_INDEX), today)
    _events(_index(homes, EventIndexPage, content.EVENT_INDEX), today)

    editor = _upsert_user(email=EDITOR_EMAIL, first_name="Salma", last_name="Editrice")
    editor.groups.add(Group.objects.get(name=services.EDITORS_GROUP))
    contributor = _upsert_user(email=CONTRIBUTOR_EMAIL, first_name="Omar", last_name="Redacteur")
    contributor.groups.add(Group.objects.get(name=services.CONTRIBUTORS_GROUP))
    return [
        DemoLogin("campaign editor", EDITOR_EMAIL, DEMO_PASSWORD),
        DemoLogin("campaign contributor", CONTRIBUTOR_EMAIL, DEMO_PASSWORD),
    ]
