"""The parcels of an order as its customer sees them (thank-you page, order pages)."""

from django import template

from cooperatives.selectors import CustomerParcel, order_parcels_for_customer

register = template.Library()


@register.simple_tag
def customer_parcels(order) -> list[CustomerParcel]:
    return order_parcels_for_customer(order=order)
