"""Checkout session data, plus each cooperative's delivery method chosen by the customer."""

from oscar.apps.checkout import utils


class CheckoutSessionData(utils.CheckoutSessionData):
    def set_delivery_choices(self, choices: dict[str, str]) -> None:
        """Remember the delivery method per cooperative (cooperative slug → method)."""
        self._set("delivery", "choices", dict(choices))

    def delivery_choices(self) -> dict[str, str]:
        return dict(self._get("delivery", "choices", {}) or {})
