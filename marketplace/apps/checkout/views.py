"""Checkout steps: delivery chosen per cooperative, payment method, preview with the breakdown."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views import generic
from oscar.apps.checkout import views
from oscar.apps.payment.models import Source, SourceType

from cooperatives.services import CASH_ON_DELIVERY_SOURCE
from cooperatives.shipping import basket_quotes, region_for_address
from marketplace.apps.checkout.forms import DeliveryChoiceForm, PaymentMethodForm
from marketplace.apps.checkout.payment import CASH_ON_DELIVERY, payment_methods_available
from marketplace.apps.checkout.session import CheckoutSessionMixin
from marketplace.apps.shipping.methods import CooperativeDelivery

IndexView = views.IndexView
ShippingAddressView = views.ShippingAddressView
UserAddressUpdateView = views.UserAddressUpdateView
UserAddressDeleteView = views.UserAddressDeleteView
ThankYouView = views.ThankYouView


class ShippingMethodView(CheckoutSessionMixin, generic.FormView):
    """For each cooperative in the basket: Amana parcel to the address, or pickup."""

    template_name = "oscar/checkout/shipping_methods.html"
    form_class = DeliveryChoiceForm
    pre_conditions = [
        "check_basket_is_not_empty",
        "check_basket_is_valid",
        "check_user_email_is_captured",
        "check_shipping_address_is_captured",
        "check_shipping_address_is_deliverable",
    ]
    success_url = reverse_lazy("checkout:payment-method")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        basket = self.request.basket
        destination = region_for_address(self.get_shipping_address(basket))
        kwargs["destination"] = destination
        kwargs["quotes"] = basket_quotes(
            basket, choices=self.checkout_session.delivery_choices(), destination=destination
        )
        return kwargs

    def form_valid(self, form):
        self.checkout_session.set_delivery_choices(form.choices())
        self.checkout_session.use_shipping_method(CooperativeDelivery.code)
        return redirect(self.get_success_url())

    def form_invalid(self, form):
        messages.error(self.request, _("Choose a delivery for each cooperative."))
        return super().form_invalid(form)


class PaymentMethodView(CheckoutSessionMixin, generic.FormView):
    """Cash on delivery (the default in Morocco); card joins it when Stripe is configured."""

    template_name = "oscar/checkout/payment_method.html"
    form_class = PaymentMethodForm
    pre_conditions = [
        "check_basket_is_not_empty",
        "check_basket_is_valid",
        "check_user_email_is_captured",
        "check_shipping_data_is_captured",
    ]
    success_url = reverse_lazy("checkout:preview")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["methods"] = payment_methods_available()
        chosen = self.checkout_session.payment_method()
        if chosen:
            kwargs["initial"] = {"method": chosen}
        return kwargs

    def form_valid(self, form):
        self.checkout_session.pay_by(form.cleaned_data["method"])
        return redirect(self.get_success_url())

    def form_invalid(self, form):
        messages.error(self.request, _("Choose how you will pay."))
        return super().form_invalid(form)


class PaymentDetailsView(views.PaymentDetailsView):
    # Oscar builds its view on get_class("checkout.mixins"), which is our OrderPlacementMixin.
    """The preview and the place-order button; cash on delivery needs no card details."""

    pre_conditions = [
        "check_basket_is_not_empty",
        "check_basket_is_valid",
        "check_user_email_is_captured",
        "check_shipping_data_is_captured",
        "check_shipping_address_is_deliverable",
        "check_payment_method_is_chosen",
    ]

    def get(self, request, *args, **kwargs):
        if not self.preview:
            return redirect("checkout:preview")
        return super().get(request, *args, **kwargs)

    def handle_payment(self, order_number, total, **kwargs):
        if self.checkout_session.payment_method() == CASH_ON_DELIVERY:
            # Nothing is taken now: the courier collects each parcel's amount on delivery.
            source_type, _created = SourceType.objects.get_or_create(
                code=CASH_ON_DELIVERY_SOURCE, defaults={"name": "Cash on delivery"}
            )
            self.add_payment_source(
                Source(
                    source_type=source_type,
                    currency=total.currency,
                    amount_allocated=total.incl_tax,
                    reference=order_number,
                )
            )
