"""Stripe's webhook: the only thing that marks a card order paid."""

import logging

from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from marketplace.apps.payment import gateway
from marketplace.apps.payment.services import stripe_event_handle

logger = logging.getLogger(__name__)

MAX_PAYLOAD = 256 * 1024


@csrf_exempt  # Stripe cannot send our CSRF token; the signature authenticates instead.
@require_POST
def stripe_webhook(request):
    """Verify the signature and the event's shape, then apply the event once; 400 and no change
    on a bad signature or a malformed event."""
    if not gateway.configured():
        return HttpResponseBadRequest("Card payments are not configured.")
    payload = request.body
    if len(payload) > MAX_PAYLOAD:
        return HttpResponseBadRequest("Payload too large.")
    try:
        event = gateway.event_verify(
            payload=payload, signature=request.headers.get("Stripe-Signature", "")
        )
    except gateway.BadSignature:
        logger.warning("Stripe webhook with a bad signature refused")
        return HttpResponseBadRequest("Bad signature.")
    except gateway.BadEvent as error:
        # Signed, yet not an event we can read: 400, so that Stripe stops retrying it.
        logger.error("Signed Stripe webhook refused as malformed: %s", error)
        return HttpResponseBadRequest("Malformed event.")
    outcome = stripe_event_handle(event=event)
    return HttpResponse(outcome, content_type="text/plain")
