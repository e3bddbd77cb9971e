"""Group the basket page's line forms by cooperative, with subtotal and delivery estimate."""

from dataclasses import dataclass, field

from django import template

from cooperatives.shipping import (
    CooperativeGroup,
    DeliveryQuote,
    delivery_quote,
    group_add_line,
    line_sender,
    offered_recipients,
)

register = template.Library()


@dataclass
class FormGroup:
    quote: DeliveryQuote
    forms: list = field(default_factory=list)  # (index in the formset, form)

    @property
    def cooperative(self):
        return self.quote.cooperative


@register.simple_tag
def basket_form_groups(formset) -> list[FormGroup]:
    """The formset's forms by cooperative; delivery is estimated at the national Amana rate
    until the customer gives an address (pickup and free thresholds are shown as options)."""
    groups: dict = {}
    indexed: dict = {}
    recipients = offered_recipients([form.instance for form in formset.forms])
    for index, form in enumerate(formset.forms):
        line = form.instance
        sender = line_sender(line, recipients=recipients)
        group = groups.setdefault(sender.slug, CooperativeGroup(cooperative=sender))
        group_add_line(group, line)
        indexed.setdefault(sender.slug, []).append((index, form))
    return [
        FormGroup(
            quote=delivery_quote(group=group, method="amana", destination=None),
            forms=indexed[key],
        )
        for key, group in groups.items()
    ]
