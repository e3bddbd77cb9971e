"""Catalogue views: Oscar's product page, limited to what the shop sells, and offering a
solidarity basket through a campaign."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views import generic
from oscar.apps.catalogue.views import ProductDetailView as CoreProductDetailView

from catalogue.selectors import (
    basket_components,
    basket_cooperative_shares,
    product_is_sellable,
    product_list_sellable,
    product_prefetch_for_detail,
)
from catalogue.services import basket_offer_add
from cms.selectors import campaign_list_accepting_offers
from marketplace.pagecache import tags
from marketplace.pagecache.middleware import page_cache_allow


class ProductDetailView(CoreProductDetailView):
    """A product page with its cooperative and valid labels fetched up front; a solidarity
    basket's page shows what is inside, from which cooperatives, and who gets what.

    For anonymous visitors the page comes from the page cache until the product, its stock,
    its cooperative (or for a basket, a component or its cooperative) or the campaigns change."""

    def get_queryset(self):
        return product_prefetch_for_detail(queryset=super().get_queryset())

    def get_object(self, queryset=None):
        if hasattr(self, "object"):
            return self.object
        product = super().get_object(queryset)
        if not product_is_sellable(product=product):
            raise Http404
        return product

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        product = self.object
        products, partners = [product.pk], [r.partner_id for r in product.stockrecords.all()]
        if product.is_solidarity_basket:
            for component in basket_components(basket=product.solidarity_basket):
                products.append(component.product_id)
                partners.extend(r.partner_id for r in component.product.stockrecords.all())
        page_cache_allow(
            request,
            *(tags.product_tag(pk) for pk in products),
            *(tags.partner_tag(pk) for pk in partners),
        )
        return response

    def send_signal(self, request, response, product):
        # Oscar's `product_viewed` has two listeners, both unwanted on a page view: analytics
        # counts the view with an UPDATE (concurrent readers would queue behind it, and fail on
        # SQLite), and the customer app sets a "recently viewed" cookie, which would make every
        # product page personal. A page served from the cache could not send it anyway.
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product = self.object
        if product.is_solidarity_basket:
            basket = product.solidarity_basket
            info = self.request.strategy.fetch_for_product(product)
            context["basket_components"] = basket_components(basket=basket)
            if info.price.exists:
                context["basket_shares"] = basket_cooperative_shares(
                    basket=basket, price=info.price.incl_tax
                )
            campaigns = campaign_list_accepting_offers()
            if campaigns and info.availability.is_available_to_buy:
                context["offer_form"] = OfferBasketForm(campaigns=campaigns)
        return context


class OfferBasketForm(forms.Form):
    """How many baskets to offer, and through which running campaign."""

    campaign = forms.TypedChoiceField(label=_("Through the campaign"), coerce=int)
    quantity = forms.IntegerField(label=_("Baskets"), min_value=1, max_value=50, initial=1)

    def __init__(self, *args, campaigns, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaigns = {campaign.pk: campaign for campaign in campaigns}
        self.campaign_list = list(campaigns)
        self.fields["campaign"].choices = [
            (campaign.pk, f"{campaign.title} — {campaign.partner_name}") for campaign in campaigns
        ]
        if len(campaigns) == 1:
            self.fields["campaign"].widget = forms.HiddenInput()
            self.fields["campaign"].initial = campaigns[0].pk

    def chosen_campaign(self):
        return self.campaigns[self.cleaned_data["campaign"]]


class OfferBasketView(generic.View):
    """Put baskets offered through a campaign in the buyer's basket (POST only)."""

    http_method_names = ["post"]

    def post(self, request, pk):
        product = get_object_or_404(product_list_sellable().distinct(), pk=pk)
        if not product.is_solidarity_basket:
            raise Http404
        form = OfferBasketForm(request.POST, campaigns=campaign_list_accepting_offers())
        if not form.is_valid():
            messages.error(request, _("Choose a running campaign and a number of baskets."))
            return redirect(product.get_absolute_url())
        quantity = form.cleaned_data["quantity"]
        info = request.strategy.fetch_for_product(product)
        in_basket = sum(
            line.quantity for line in request.basket.all_lines() if line.product_id == product.pk
        )
        permitted, reason = info.availability.is_purchase_permitted(in_basket + quantity)
        if not permitted:
            messages.error(
                request, _("You cannot offer that many: %(reason)s.") % {"reason": reason}
            )
            return redirect(product.get_absolute_url())
        if request.basket.id is None:
            request.basket.save()
        try:
            basket_offer_add(
                oscar_basket=request.basket,
                product=product,
                campaign=form.chosen_campaign(),
                quantity=quantity,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(product.get_absolute_url())
        messages.success(
            request,
            _("Thank you: %(count)s × “%(title)s” offered to %(partner)s are in your basket.")
            % {
                "count": quantity,
                "title": product.get_title(),
                "partner": form.chosen_campaign().partner_name,
            },
        )
        return redirect("basket:summary")
