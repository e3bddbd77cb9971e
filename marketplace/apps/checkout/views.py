"""Checkout steps: delivery chosen per cooperative, payment method, preview with the breakdown."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import generic
from oscar.apps.checkout import views
from oscar.apps.payment.exceptions import UnableToTakePayment
from oscar.apps.shipping.methods import NoShippingRequired
from oscar.core.loading import get_class

from cooperatives.services import (
    ORDER_STATUS_CANCELLED,
    ORDER_STATUS_PENDING_PAYMENT,
)
from cooperatives.shipping import basket_quotes, region_for_address
from marketplace.apps.checkout.forms import DeliveryChoiceForm, PaymentMethodForm
from marketplace.apps.checkout.payment import CARD, CASH_ON_DELIVERY, payment_methods_available
from marketplace.apps.checkout.session import CheckoutSessionMixin
from marketplace.apps.order.models import Order
from marketplace.apps.payment import gateway
from marketplace.apps.payment.sources import cash_on_delivery_source
from marketplace.apps.shipping.methods import CooperativeDelivery

CheckoutSessionData = get_class("checkout.utils", "CheckoutSessionData")
IndexView = views.IndexView
UserAddressUpdateView = views.UserAddressUpdateView
UserAddressDeleteView = views.UserAddressDeleteView


class ShippingAddressView(views.ShippingAddressView):
    """Oscar's address step. Oscar fetches an address-book choice (`address_id`) with `get()`:
    an id that is not one of the customer's own addresses is refused with a message here."""

    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated and "address_id" in request.POST:
            choice = forms.ModelChoiceField(queryset=request.user.addresses.all())
            try:
                choice.clean(request.POST["address_id"])
            except ValidationError:
                messages.error(request, _("Choose one of your own addresses, or enter a new one."))
                return redirect("checkout:shipping-address")
        return super().post(request, *args, **kwargs)


class ThankYouPreviewForm(forms.Form):
    """The order a superuser asks the thank-you page to show (Oscar's preview for testing)."""

    order_number = forms.CharField(max_length=128, required=False)
    order_id = forms.IntegerField(min_value=1, required=False)


class ThankYouView(views.ThankYouView):
    """Oscar's thank-you page; a malformed preview parameter finds no order (home page)."""

    def get_object(self, queryset=None):
        if self.request.user.is_superuser and not ThankYouPreviewForm(self.request.GET).is_valid():
            return None
        return super().get_object(queryset)


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

    def dispatch(self, request, *args, **kwargs):
        if not request.basket.is_empty and not request.basket.is_shipping_required():
            # Only offered baskets: the hub sends them to the campaign's partner.
            CheckoutSessionData(request).use_shipping_method(NoShippingRequired().code)
            return redirect(self.get_success_url())
        return super().dispatch(request, *args, **kwargs)

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
        kwargs["methods"] = payment_methods_available(basket=self.request.basket)
        chosen = self.checkout_session.payment_method()
        if chosen:
            kwargs["initial"] = {"method": chosen}
        return kwargs

    def form_valid(self, form):
        self.checkout_session.pay_by(form.cleaned_data["method"])
        return redirect(self.get_success_url())

    def dispatch(self, request, *args, **kwargs):
        # GET or POST: with no way to pay (offered baskets without card payment), say so.
        if request.method in ("GET", "POST") and not payment_methods_available(
            basket=request.basket
        ):
            messages.error(
                request,
                _(
                    "Offered baskets are paid by card, and card payment is not available right "
                    "now. Remove the offered baskets from your basket, or come back later."
                ),
            )
            return redirect("basket:summary")
        return super().dispatch(request, *args, **kwargs)

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

    card_session = None

    def render_payment_details(self, request, **kwargs):
        # No separate card form here: a payment problem is shown on the confirmation page.
        return self.render_preview(request, **kwargs)

    def handle_payment(self, order_number, total, **kwargs):
        method = self.checkout_session.payment_method()
        if method not in dict(payment_methods_available(basket=self.request.basket)):
            raise UnableToTakePayment(_("Choose how you will pay."))
        if method == CARD:
            # Stripe first: if it is down, nothing is placed and the basket stays as it was.
            try:
                self.card_session = gateway.checkout_session_create(
                    order_number=order_number,
                    amount=total.incl_tax,
                    email=self.get_customer_email(),
                    description=_("Souk Tadamoun order %(number)s") % {"number": order_number},
                    success_url=self.request.build_absolute_uri(reverse("checkout:card-return")),
                    cancel_url=self.request.build_absolute_uri(reverse("checkout:card-return"))
                    + "?cancelled=1",
                    language=get_language() or "fr",
                )
            except gateway.GatewayUnavailable as error:
                raise UnableToTakePayment(
                    _(
                        "Card payment is unavailable right now and nothing was charged. "
                        "Try again in a moment, or choose cash on delivery."
                    )
                ) from error
            return
        if method == CASH_ON_DELIVERY:
            # Nothing is taken now: the courier collects each parcel's amount on delivery.
            self.add_payment_source(
                cash_on_delivery_source(
                    reference=order_number, currency=total.currency, amount=total.incl_tax
                )
            )

    def get_customer_email(self) -> str:
        if self.request.user.is_authenticated:
            return self.request.user.email
        return self.checkout_session.get_guest_email() or ""

    def handle_successful_order(self, order):
        if order.payment_method != CARD:
            return super().handle_successful_order(order)
        # The order waits for Stripe's webhook; the customer goes to pay.
        self.checkout_session.flush()
        self.request.session["checkout_order_id"] = order.id
        return redirect(self.card_session.url)


class CardReturnView(generic.TemplateView):
    """Back from Stripe: "confirming your payment" until the webhook lands, then thank you."""

    template_name = "oscar/checkout/card_return.html"

    def get(self, request, *args, **kwargs):
        order = Order.objects.filter(pk=request.session.get("checkout_order_id")).first()
        if order is None:
            return redirect("basket:summary")
        if order.status not in (ORDER_STATUS_PENDING_PAYMENT, ORDER_STATUS_CANCELLED):
            return redirect("checkout:thank-you")
        self.order = order
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["order"] = self.order
        context["waiting"] = self.order.status == ORDER_STATUS_PENDING_PAYMENT
        context["cancelled_at_stripe"] = "cancelled" in self.request.GET
        context["expiry_minutes"] = settings.CARD_PAYMENT_EXPIRY_MINUTES
        return context
