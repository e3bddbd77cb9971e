"""Oscar's order models, with the language the customer bought in (for every email about it)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.order.abstract_models import AbstractOrder


class Order(AbstractOrder):
    """One order: what the customer paid for, fulfilled as one shipment per cooperative."""

    class PaymentMethod(models.TextChoices):
        CASH_ON_DELIVERY = "cash-on-delivery", _("Cash on delivery")
        CARD = "card", _("Card")

    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The customer's language: every message about this order uses it."),
    )
    payment_method = models.CharField(
        _("payment method"),
        max_length=20,
        choices=PaymentMethod.choices,
        default=PaymentMethod.CASH_ON_DELIVERY,
    )
    payment_reference = models.CharField(
        _("payment reference"),
        max_length=255,
        blank=True,
        help_text=_("For card orders, the Stripe Checkout session."),
    )


from oscar.apps.order.models import *  # noqa: E402, F403  (Oscar's documented fork pattern)
