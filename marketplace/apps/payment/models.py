"""Oscar's payment models, plus the Stripe events we have processed (each exactly once)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StripeEvent(models.Model):
    """A webhook event from Stripe, recorded once: a replayed event id changes nothing."""

    event_id = models.CharField(_("event id"), max_length=255, unique=True)
    type = models.CharField(_("type"), max_length=100)
    order_number = models.CharField(_("order number"), max_length=128, blank=True, db_index=True)
    outcome = models.CharField(_("outcome"), max_length=200, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("Stripe event")
        verbose_name_plural = _("Stripe events")

    def __str__(self):
        return f"{self.type} {self.event_id}"


class Refund(models.Model):
    """Money given back on a card order: from our dashboard, found in Stripe's own, or a payment
    that arrived after its order expired (sent by a background task until Stripe accepts it)."""

    class Origin(models.TextChoices):
        DASHBOARD = "dashboard", _("Our dashboard")
        STRIPE = "stripe", _("Stripe's dashboard")
        LATE_PAYMENT = "late", _("Paid after the order expired")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for Stripe")
        SUCCEEDED = "succeeded", _("Refunded")

    order = models.ForeignKey("order.Order", on_delete=models.PROTECT, related_name="refunds")
    shipment = models.ForeignKey(
        "cooperatives.CooperativeShipment",
        on_delete=models.PROTECT,
        related_name="refunds",
        null=True,
        blank=True,
    )
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    origin = models.CharField(_("origin"), max_length=12, choices=Origin.choices)
    stripe_refund_id = models.CharField(max_length=255, unique=True, null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SUCCEEDED
    )
    # The payment given back, for a refund sent later (a late payment has no card source).
    payment_intent = models.CharField(max_length=255, blank=True)
    # The refund form's one-time key: a double click or a resent form refunds once.
    request_key = models.CharField(max_length=64, unique=True, null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="refund_amount_positive")
        ]

    def __str__(self):
        return f"{self.order.number} −{self.amount}"


from oscar.apps.payment.models import *  # noqa: E402, F403  (Oscar's fork pattern)
