"""Wagtail admin hooks: the product, solidarity basket and cooperative choosers."""

from wagtail import hooks

from cms.choosers import (
    basket_chooser_viewset,
    cooperative_chooser_viewset,
    product_chooser_viewset,
)


@hooks.register("register_admin_viewset")
def register_choosers():
    return [product_chooser_viewset, basket_chooser_viewset, cooperative_chooser_viewset]
