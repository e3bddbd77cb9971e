"""A local server answering like Stripe's API, and webhook payloads signed like Stripe signs them.

The real `stripe` library talks to it (STRIPE_API_BASE); nothing reaches the network.
"""

import hashlib
import hmac
import itertools
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

# The webhook secret the tests configure, and where Stripe posts its events.
SECRET = "whsec_test_souk_tadamoun"
WEBHOOK = "/payments/stripe/webhook/"

_ids = itertools.count(1)


class FakeStripe:
    def __init__(self):
        self.requests: list[dict] = []
        self.down = False
        self._idempotent: dict[str, tuple[int, dict]] = {}
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                form = dict(parse_qsl(self.rfile.read(length).decode()))
                key = self.headers.get("Idempotency-Key", "")
                fake.requests.append({"path": self.path, "form": form, "key": key})
                if fake.down:
                    status, body = (
                        500,
                        {"error": {"type": "api_error", "message": "Stripe is down"}},
                    )
                elif key and key in fake._idempotent:
                    status, body = fake._idempotent[key]
                else:
                    status, body = fake.answer(self.path, form)
                    if key:
                        fake._idempotent[key] = (status, body)
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def answer(self, path: str, form: dict) -> tuple[int, dict]:
        if path == "/v1/checkout/sessions":
            number = next(_ids)
            return 200, {
                "id": f"cs_test_{number}",
                "object": "checkout.session",
                "url": f"https://checkout.stripe.test/c/pay/cs_test_{number}",
                "amount_total": int(form["line_items[0][price_data][unit_amount]"]),
                "currency": form["line_items[0][price_data][currency]"],
                "payment_status": "unpaid",
                "status": "open",
                "client_reference_id": form.get("client_reference_id"),
                "metadata": {"order_number": form.get("metadata[order_number]")},
            }
        if path.startswith("/v1/checkout/sessions/") and path.endswith("/expire"):
            return 200, {
                "id": path.split("/")[4],
                "object": "checkout.session",
                "status": "expired",
            }
        if path == "/v1/refunds":
            return 200, {
                "id": f"re_test_{next(_ids)}",
                "object": "refund",
                "amount": int(form["amount"]),
                "payment_intent": form["payment_intent"],
                "status": "succeeded",
            }
        return 404, {"error": {"type": "invalid_request_error", "message": f"No route {path}"}}

    def calls(self, prefix: str) -> list[dict]:
        return [request for request in self.requests if request["path"].startswith(prefix)]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def signed_event(event: dict, secret: str, *, timestamp: int | None = None) -> tuple[bytes, str]:
    """The body and the Stripe-Signature header Stripe would send for this event."""
    body = json.dumps(event).encode()
    timestamp = timestamp or int(time.time())
    signature = hmac.new(
        secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256
    ).hexdigest()
    return body, f"t={timestamp},v1={signature}"


def session_event(
    *,
    event_id: str,
    type_: str,
    order_number: str,
    amount: int,
    currency: str = "mad",
    payment_status: str = "paid",
    payment_intent: str = "pi_test_1",
) -> dict:
    """A checkout.session.* event shaped like Stripe's."""
    return {
        "id": event_id,
        "object": "event",
        "type": type_,
        "api_version": "2024-06-20",
        "created": int(time.time()),
        "data": {
            "object": {
                "id": "cs_test_x",
                "object": "checkout.session",
                "amount_total": amount,
                "currency": currency,
                "payment_status": payment_status,
                "payment_intent": payment_intent,
                "client_reference_id": order_number,
                "metadata": {"order_number": order_number},
            }
        },
    }


def webhook_paid(app, order, *, event_id: str = ""):
    """Stripe telling our webhook (through a WebTest app) that the order's session is paid."""
    event = session_event(
        event_id=event_id or f"evt_{order.number}",
        type_="checkout.session.completed",
        order_number=order.number,
        amount=int(order.total_incl_tax * 100),
    )
    body, signature = signed_event(event, SECRET)
    return app.post(
        WEBHOOK,
        params=body,
        headers={"Stripe-Signature": signature},
        content_type="application/json",
    )
