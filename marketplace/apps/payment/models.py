"""Oscar's payment models, plus the Stripe events we have processed (each exactly once)."""

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


from oscar.apps.payment.models import *  # noqa: E402, F403  (Oscar's fork pattern)
