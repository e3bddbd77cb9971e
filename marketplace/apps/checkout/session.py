"""Checkout session: every step knows each cooperative's delivery quote and the payment chosen."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout import exceptions, session

from cooperatives.shipping import basket_quotes, region_for_address
from marketplace.apps.checkout.forms import moroccan_mobile
from marketplace.apps.checkout.payment import payment_method_label


class CheckoutSessionMixin(session.CheckoutSessionMixin):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        basket = self.request.basket
        if not basket.is_empty:
            context["delivery_quotes"] = basket_quotes(
                basket,
                choices=self.checkout_session.delivery_choices(),
                destination=region_for_address(context.get("shipping_address")),
            )
        context["payment_method_label"] = payment_method_label(
            self.checkout_session.payment_method()
        )
        return context

    def check_shipping_address_is_captured(self, request):
        self.check_a_valid_shipping_address_is_captured()

    def check_shipping_address_is_deliverable(self, request):
        """An address from the account's address book may lack the region or the mobile phone
        our couriers need: send the customer back to complete it."""
        if not request.basket.is_shipping_required():
            return
        address = self.get_shipping_address(request.basket)
        phone = str(getattr(address, "phone_number", "") or "")
        if region_for_address(address) is None or moroccan_mobile(phone) is None:
            raise exceptions.FailedPreCondition(
                url=reverse("checkout:shipping-address"),
                message=_("Please complete the address with its region and a mobile phone."),
            )

    def check_payment_method_is_chosen(self, request):
        if not self.checkout_session.payment_method():
            raise exceptions.FailedPreCondition(
                url=reverse("checkout:payment-method"), message=_("Choose how you will pay.")
            )
