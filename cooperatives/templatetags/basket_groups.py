"""Group the basket page's line forms by cooperative, with subtotal and delivery estimate."""

from dataclasses import dataclass, field

from django import template

from cooperatives.shipping import CooperativeGroup, DeliveryQuote, delivery_quote, group_add_line

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
    groups: dict[int, CooperativeGroup] = {}
    indexed: dict[int, list] = {}
    for index, form in enumerate(formset.forms):
        line = form.instance
        cooperative = line.stockrecord.partner.cooperative
        group = groups.setdefault(cooperative.pk, CooperativeGroup(cooperative=cooperative))
        group_add_line(group, line)
        indexed.setdefault(cooperative.pk, []).append((index, form))
    return [
        FormGroup(
            quote=delivery_quote(group=group, method="amana", destination=None),
            forms=indexed[pk],
        )
        for pk, group in groups.items()
    ]
