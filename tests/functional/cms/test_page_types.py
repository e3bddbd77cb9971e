"""Every page type is created through Wagtail's admin, rendered and previewed, in French, Arabic
and English (Wagtail's page test helpers)."""

import datetime

from django.utils import timezone, translation
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from catalogue.selectors import product_list_sellable
from cms.models import (
    ArticleIndexPage,
    ArticlePage,
    CampaignIndexPage,
    CampaignPage,
    EventIndexPage,
    EventPage,
    HomePage,
    StandardPage,
)
from cooperatives.models import Cooperative, Region

LANGUAGES = {"fr": "ltr", "ar": "rtl", "en": "ltr"}


def listblock(values):
    data = {"count": str(len(values))}
    for index, value in enumerate(values):
        data[str(index)] = {"value": value, "deleted": "", "order": str(index)}
    return data


class PageTypesInThreeLanguagesTests(WagtailPageTestCase):
    def setUp(self):
        self.user = self.login()
        self.homes = {home.locale.language_code: home for home in HomePage.objects.live()}
        self.products = list(product_list_sellable().order_by("pk")[:3])
        self.cooperative = Cooperative.objects.public().order_by("pk").first()
        self.image = get_image_model().objects.order_by("pk").first()

    def body(self, home):
        campaign = CampaignPage.objects.live().order_by("pk").first()
        return streamfield(
            [
                ("text", rich_text("<h2>Une coopérative</h2><p>Du producteur à la table.</p>")),
                ("image", {"image": self.image.pk, "alt_text": "", "caption": "Atlas"}),
                ("quote", {"text": "Nous vendons enfin partout.", "author": "Fadma", "role": ""}),
                (
                    "call_to_action",
                    {
                        "title": "Participez",
                        "text": "",
                        "label": "Voir",
                        "page": home.pk,
                        "url": "",
                    },
                ),
                ("product", {"product": self.products[0].pk, "note": "De saison"}),
                (
                    "products",
                    {"title": "Sélection", "products": listblock([p.pk for p in self.products])},
                ),
                ("cooperative", {"cooperative": self.cooperative.pk, "note": ""}),
                ("campaign_progress", {"campaign": campaign.pk}),
            ]
        )

    def form_data(self, fields):
        data = nested_form_data(fields)
        data.update(nested_form_data({"comments": inline_formset([])}))
        return data

    def create(self, parent, model, fields):
        slug = f"{model.__name__.lower()}-{parent.locale.language_code}-test"
        data = self.form_data({"title": f"{model.__name__} test", "slug": slug, **fields})
        # The preview helper logs the client out after each use.
        self.client.force_login(self.user)
        self.assertCanCreate(parent, model, dict(data))
        page = model.objects.get(slug=slug, locale=parent.locale)
        # The edit form builds StreamFields in the browser: the preview gets the data we posted.
        page.preview_data = data
        return page

    def replace_only_child(self, home, model):
        """Indexes are one per home page: the demo's is removed so a new one can be made."""
        for existing in model.objects.child_of(home):
            existing.delete()

    def assert_page_works(self, page, language):
        assert page.live
        self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(page, post_data=page.preview_data)
        with translation.override(language):
            html = self.client.get(page.get_url()).content.decode()
        assert f'<html lang="{language}" dir="{LANGUAGES[language]}"' in html, page.url
        heading = getattr(page, "hero_title", "") or page.title
        assert escape(heading) in html, f"{heading} not on {page.url}"

    def test_every_page_type_is_created_rendered_and_previewed_in_each_language(self):
        today = timezone.localdate()
        dates = {"start_date": str(today), "end_date": str(today + datetime.timedelta(days=9))}
        region = Region.objects.get(code="MA-09")
        for language in LANGUAGES:
            with self.subTest(language=language):
                home = self.homes[language]
                body = self.body(home)
                home.preview_data = self.form_data(
                    {
                        "title": home.title,
                        "slug": home.slug,
                        "hero_title": "Bienvenue",
                        "hero_text": "",
                        "body": body,
                    }
                )
                self.assert_page_works(home, language)

                standard = self.create(home, StandardPage, {"intro": "Intro", "body": body})
                self.assert_page_works(standard, language)

                self.replace_only_child(home, ArticleIndexPage)
                articles = self.create(home, ArticleIndexPage, {"intro": "Nouvelles"})
                article = self.create(
                    articles,
                    ArticlePage,
                    {
                        "date": str(today),
                        "kind": "testimony",
                        "intro": "Une présidente raconte.",
                        "body": body,
                        "tags": "argan, femmes",
                    },
                )
                self.assert_page_works(articles, language)
                self.assert_page_works(article, language)
                assert sorted(article.tags.names()) == ["argan", "femmes"]

                self.replace_only_child(home, CampaignIndexPage)
                campaigns = self.create(home, CampaignIndexPage, {"intro": "Campagnes"})
                campaign = self.create(
                    campaigns,
                    CampaignPage,
                    {
                        **dates,
                        "goal_kind": "amount",
                        "goal": "20000",
                        "intro": "Pour les familles",
                        "body": self.body(home),
                        "cta_label": "Je participe",
                        "cta_url": "",
                        "featured_products": inline_formset(
                            [{"product": product.pk} for product in self.products]
                        ),
                        "featured_cooperatives": inline_formset(
                            [{"cooperative": self.cooperative.pk}]
                        ),
                    },
                )
                assert campaign.featured_product_ids == [product.pk for product in self.products]
                self.assert_page_works(campaigns, language)
                self.assert_page_works(campaign, language)

                self.replace_only_child(home, EventIndexPage)
                events = self.create(home, EventIndexPage, {"intro": "Salons"})
                event = self.create(
                    events,
                    EventPage,
                    {
                        **dates,
                        "place": "Agadir",
                        "region": region.pk,
                        "intro": "Un salon",
                        "body": self.body(home),
                    },
                )
                self.assert_page_works(events, language)
                self.assert_page_works(event, language)

    def test_pages_only_go_where_they_belong(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage, {StandardPage, ArticleIndexPage, CampaignIndexPage, EventIndexPage}
        )
        self.assertAllowedSubpageTypes(CampaignIndexPage, {CampaignPage})
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertCanNotCreateAt(HomePage, CampaignPage)
        self.assertCanNotCreateAt(StandardPage, ArticlePage)
