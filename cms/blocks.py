"""StreamField blocks editors compose pages with. Each renders with its own template under
`cms/templates/cms/blocks/` and shows a preview in the block picker."""

from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from catalogue import selectors as catalogue_selectors
from cms.choosers import BasketChooserBlock, CooperativeChooserBlock, ProductChooserBlock
from cooperatives import selectors as cooperative_selectors
from marketplace.apps.partner.strategy import Selector

PREVIEW_TEMPLATE = "cms/blocks/preview.html"
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


def _preview_products(count: int) -> list:
    return catalogue_selectors.product_list_featured(limit=count)


class RichTextBlock(blocks.RichTextBlock):
    """Paragraphs with headings, lists and links."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "cms/blocks/rich_text.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("Paragraphs of text with headings, lists and links.")

    def get_preview_value(self):
        return self.normalize(
            format_html(
                "<h2>{}</h2><p>{}</p>",
                _("One cooperative, one land"),
                _("The products come straight from the cooperatives that make them."),
            )
        )

    @property
    def is_previewable(self):
        return True


class ImageBlock(blocks.StructBlock):
    """A photo with its description for screen readers and an optional caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Description for screen readers"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the image's title."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms/blocks/image.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("A photo, shown across the page's width, with an optional caption.")

    def get_preview_value(self):
        from wagtail.images import get_image_model

        image = get_image_model().objects.order_by("pk").first()
        return self.normalize({"image": image, "caption": _("Weaving in Khénifra")})

    @property
    def is_previewable(self):
        return True


class QuoteBlock(blocks.StructBlock):
    """Someone's words: a cooperative member, a buyer, a partner."""

    text = blocks.TextBlock(label=_("Quote"), max_length=600)
    author = blocks.CharBlock(label=_("Who said it"), max_length=120)
    role = blocks.CharBlock(label=_("Their role"), max_length=160, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "cms/blocks/quote.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "text": _("Our customers now order from Casablanca and Tangier."),
            "author": "Fatima",
            "role": _("President of an argan cooperative"),
        }
        description = _("A quotation with the name and role of the person quoted.")


class CallToActionBlock(blocks.StructBlock):
    """A short pitch and one button, to a page of the site or to an address."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), max_length=400, required=False)
    label = blocks.CharBlock(label=_("Button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an address"), required=False)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "cms/blocks/call_to_action.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "title": _("Offer a solidarity basket"),
            "text": _("Each basket supports several rural cooperatives."),
            "label": _("I take part"),
            "url": "https://example.org/",
        }
        description = _("A title, a sentence and a button leading to a page or an address.")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page or type an address, not both.")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value


class ProductBlock(blocks.StructBlock):
    """One product, with a sentence saying why it is featured."""

    product = ProductChooserBlock(label=_("Product"))
    note = blocks.CharBlock(label=_("Why this product"), max_length=200, required=False)

    class Meta:
        icon = "pick"
        label = _("Product")
        template = "cms/blocks/product.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("One product of a cooperative, with its price and a button to buy it.")

    def get_preview_value(self):
        products = _preview_products(1)
        return self.normalize({"product": products[0] if products else None, "note": ""})

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        product = value.get("product")
        found = catalogue_selectors.product_list_by_ids(
            ids=[product.pk] if product else [], sellable_only=True
        )
        context["product"] = found[0] if found else None
        return context

    @property
    def is_previewable(self):
        return True


class ProductListBlock(blocks.StructBlock):
    """A titled row of products."""

    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    products = blocks.ListBlock(ProductChooserBlock(label=_("Product")), min_num=1, max_num=12)

    class Meta:
        icon = "list-ul"
        label = _("Products")
        template = "cms/blocks/product_list.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("Up to twelve products shown as cards.")

    def get_preview_value(self):
        return self.normalize({"title": "", "products": _preview_products(4)})

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        chosen = [product for product in value["products"] if product is not None]
        context["products"] = catalogue_selectors.product_list_by_ids(
            ids=[product.pk for product in chosen], sellable_only=True
        )
        return context

    @property
    def is_previewable(self):
        return True


class SolidarityBasketBlock(blocks.StructBlock):
    """A solidarity basket: its price, what is inside and which cooperatives made it."""

    basket = BasketChooserBlock(label=_("Solidarity basket"))
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    intro = blocks.TextBlock(label=_("Introduction"), max_length=400, required=False)

    class Meta:
        icon = "pick"
        label = _("Solidarity basket")
        template = "cms/blocks/basket.html"
        preview_template = PREVIEW_TEMPLATE
        description = _(
            "A solidarity basket with its price, its contents and their cooperatives, "
            "and a button to offer it."
        )

    def get_preview_value(self):
        basket = (
            catalogue_selectors.product_list_sellable()
            .filter(solidarity_basket__isnull=False)
            .order_by("pk")
            .first()
        )
        return self.normalize({"basket": basket, "heading": "", "intro": ""})

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        chosen = value.get("basket")
        found = catalogue_selectors.product_list_by_ids(
            ids=[chosen.pk] if chosen else [], sellable_only=True
        )
        product = found[0] if found and found[0].is_solidarity_basket else None
        context["basket"] = product
        if product is not None:
            context["components"] = catalogue_selectors.basket_components(
                basket=product.solidarity_basket
            )
            context["purchase"] = Selector().strategy().fetch_for_product(product)
        return context

    @property
    def is_previewable(self):
        return True


class CooperativeBlock(blocks.StructBlock):
    """A cooperative's card, linking to its storefront."""

    cooperative = CooperativeChooserBlock(label=_("Cooperative"))
    note = blocks.CharBlock(label=_("Why this cooperative"), max_length=200, required=False)

    class Meta:
        icon = "group"
        label = _("Cooperative")
        template = "cms/blocks/cooperative.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("A cooperative, its region and labels, linking to its shop.")

    def get_preview_value(self):
        cooperatives = cooperative_selectors.cooperative_list_featured(limit=1)
        return self.normalize({"cooperative": cooperatives[0] if cooperatives else None})

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        cooperative = value.get("cooperative")
        found = (
            cooperative_selectors.cooperative_list_public().filter(pk=cooperative.pk)
            if cooperative
            else []
        )
        found = cooperative_selectors.cooperative_product_counts_add(found)
        context["cooperative"] = found[0] if found else None
        return context

    @property
    def is_previewable(self):
        return True


class CampaignProgressBlock(blocks.StructBlock):
    """How far a campaign has come towards its goal, counted from paid orders."""

    campaign = blocks.PageChooserBlock(label=_("Campaign"), page_type="cms.CampaignPage")

    class Meta:
        icon = "order"
        label = _("Campaign progress")
        template = "cms/blocks/campaign_progress.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("A campaign's progress bar, goal and dates, linking to the campaign.")

    def get_preview_value(self):
        from cms import selectors

        return self.normalize({"campaign": selectors.campaign_featured()})

    def get_context(self, value, parent_context=None):
        from cms import selectors

        context = super().get_context(value, parent_context=parent_context)
        campaign = value.get("campaign")
        context["campaign"] = None
        if campaign is not None:
            campaign = campaign.localized.specific
            if campaign.live:
                context["campaign"] = campaign
                context["progress"] = selectors.campaign_progress(campaign=campaign)
        return context

    @property
    def is_previewable(self):
        return True


class BodyBlock(blocks.StreamBlock):
    """What a page's body may hold."""

    text = RichTextBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    product = ProductBlock()
    products = ProductListBlock()
    basket = SolidarityBasketBlock()
    cooperative = CooperativeBlock()
    campaign_progress = CampaignProgressBlock()
