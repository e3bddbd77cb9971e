"""Group the basket page's line forms by cooperative, with subtotal and delivery estimate."""

from dataclasses import dataclass, field

from django import template

from cooperatives.shipping import DeliveryQuote, delivery_quote, lines_groups

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
    forms = list(enumerate(formset.forms))
    by_line = {id(form.instance): (index, form) for index, form in forms}
    return [
        FormGroup(
            quote=delivery_quote(group=group, method="amana", destination=None),
            forms=[by_line[id(line)] for line in group.lines],
        )
        for group in lines_groups([form.instance for _index, form in forms])
    ]
