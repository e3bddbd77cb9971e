"""Operators build and edit solidarity baskets and follow the hubs' parcels.

Staff only: the dashboard's URL configuration requires `is_staff` (see ../apps.py), and every
view checks it again. The rules are the services': these views only map their errors."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import generic

from catalogue.models import BasketComponent, Product, SolidarityBasket
from catalogue.selectors import basket_available_quantity, basket_components
from catalogue.services import basket_save
from cooperatives import services
from cooperatives.models import HubShipment
from cooperatives.selectors import parcel_lines, parcels_lines
from marketplace.apps.dashboard.baskets.forms import (
    COMPONENTS_PREFIX,
    LANGUAGE_CODES,
    BasketForm,
    ComponentFormSet,
    HubShipmentCancelForm,
    HubShipmentFilterForm,
    HubShipmentShipForm,
    component_products,
)


class StaffOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_staff:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# Baskets -----------------------------------------------------------------------------------------


class BasketListView(StaffOnlyMixin, generic.ListView):
    template_name = "oscar/dashboard/baskets/basket_list.html"
    context_object_name = "baskets"
    paginate_by = 50

    def get_queryset(self):
        return (
            SolidarityBasket.objects.select_related("product", "hub")
            .prefetch_related(
                "product__stockrecords",
                Prefetch(
                    "components",
                    queryset=BasketComponent.objects.select_related("product").prefetch_related(
                        "product__stockrecords__partner__cooperative__region",
                        "product__images",
                    ),
                ),
            )
            .order_by("-product__date_created", "-pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = []
        for basket in context["baskets"]:
            records = list(basket.product.stockrecords.all())
            rows.append(
                {
                    "basket": basket,
                    "product": basket.product,
                    "price": records[0].price if records else None,
                    "available": basket_available_quantity(basket=basket),
                }
            )
        context["rows"] = rows
        return context


class BasketFormView(StaffOnlyMixin, generic.TemplateView):
    """Create (no pk) or edit a basket: the basket form and its component formset."""

    template_name = "oscar/dashboard/baskets/basket_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.product = None
        self.basket = None
        if "pk" in kwargs and request.user.is_staff:
            self.product = get_object_or_404(
                Product, pk=kwargs["pk"], solidarity_basket__isnull=False
            )
            self.basket = self.product.solidarity_basket
        return super().dispatch(request, *args, **kwargs)

    def _initial(self):
        if self.basket is None:
            return {}, []
        product = self.product
        initial = {
            "hub": self.basket.hub_id,
            "commission_rate": self.basket.commission_rate,
            "is_public": product.is_public,
            "price": next((r.price for r in product.stockrecords.all()), None),
        }
        for code in LANGUAGE_CODES:
            initial[f"title_{code}"] = getattr(product, f"title_{code}") or ""
            initial[f"description_{code}"] = getattr(product, f"description_{code}") or ""
        components = [
            {"product": component.product, "quantity": component.quantity}
            for component in basket_components(basket=self.basket)
        ]
        return initial, components

    def _forms(self, data=None):
        initial, components = self._initial()
        form = BasketForm(data=data, initial=initial, basket=self.basket)
        formset = ComponentFormSet(
            data=data,
            initial=components,
            prefix=COMPONENTS_PREFIX,
            products=component_products(self.basket),
        )
        return form, formset

    def get(self, request, *args, **kwargs):
        form, formset = self._forms()
        return self.render_to_response(self.get_context_data(form=form, formset=formset))

    def post(self, request, *args, **kwargs):
        form, formset = self._forms(data=request.POST)
        if form.is_valid() and formset.is_valid():
            data = {**form.cleaned_data, "components": formset.components()}
            try:
                product = basket_save(data=data, product=self.product)
            except ValidationError as error:
                _errors_onto(form, error)
            else:
                if self.product is None:
                    message = _("Basket “%(title)s” created.")
                else:
                    message = _("Basket “%(title)s” saved.")
                messages.success(request, message % {"title": product.get_title()})
                return redirect("dashboard:basket-list")
        return self.render_to_response(self.get_context_data(form=form, formset=formset))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["product"] = self.product
        context["basket"] = self.basket
        context["language_codes"] = LANGUAGE_CODES
        return context


def _errors_onto(form, error: ValidationError) -> None:
    """Put the service's errors on the form: on their field when the form has it, else on top
    (the components' problems among them)."""
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            form.add_error(None, message)
        return
    for field, field_messages in error.message_dict.items():
        target = field if field in form.fields else None
        for message in field_messages:
            form.add_error(target, message)


# Hub parcels -------------------------------------------------------------------------------------


class HubShipmentListView(StaffOnlyMixin, generic.ListView):
    template_name = "oscar/dashboard/baskets/hub_shipment_list.html"
    context_object_name = "shipments"
    paginate_by = 50

    def get_queryset(self):
        self.filter_form = HubShipmentFilterForm(self.request.GET or None)
        shipments = HubShipment.objects.select_related("order", "hub")
        if self.filter_form.is_valid() and self.filter_form.cleaned_data["status"]:
            shipments = shipments.filter(status=self.filter_form.cleaned_data["status"])
        return shipments

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        shipments = list(context["shipments"])
        context["rows"] = [
            {"shipment": shipment, "lines": lines}
            for shipment, lines in zip(shipments, parcels_lines(parcels=shipments), strict=True)
        ]
        return context


Status = HubShipment.Status


class HubShipmentDetailView(StaffOnlyMixin, generic.DetailView):
    template_name = "oscar/dashboard/baskets/hub_shipment_detail.html"
    context_object_name = "shipment"

    def get_queryset(self):
        return HubShipment.objects.select_related("order", "hub")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shipment = self.object
        context["lines"] = parcel_lines(parcel=shipment)
        context["parcels"] = (
            shipment.order.shipments.filter(hub=shipment.hub)
            .select_related("cooperative")
            .prefetch_related("basket_shares")
        )
        context["can_accept"] = shipment.can_become(Status.ACCEPTED)
        context["can_ship"] = shipment.can_become(Status.SHIPPED)
        context["can_deliver"] = shipment.can_become(Status.DELIVERED)
        context["can_cancel"] = shipment.can_become(Status.CANCELLED)
        context["ship_form"] = HubShipmentShipForm()
        context["cancel_form"] = HubShipmentCancelForm()
        return context

    def post(self, request, *args, **kwargs):
        shipment = self.get_object()
        back = reverse("dashboard:hub-shipment-detail", kwargs={"pk": shipment.pk})
        action = request.POST.get("action")
        try:
            if action == "accept":
                services.hub_shipment_accept(shipment=shipment)
                message = _("The hub is assembling the baskets.")
            elif action == "ship":
                form = HubShipmentShipForm(request.POST)
                tracking = form.cleaned_data["tracking_number"] if form.is_valid() else ""
                services.hub_shipment_mark_shipped(shipment=shipment, tracking_number=tracking)
                message = _("The baskets are on their way.")
            elif action == "deliver":
                services.hub_shipment_mark_delivered(shipment=shipment)
                message = _("The baskets are delivered.")
            elif action == "cancel":
                form = HubShipmentCancelForm(request.POST)
                reason = form.cleaned_data["reason"] if form.is_valid() else ""
                services.hub_shipment_cancel(shipment=shipment, reason=reason)
                message = _("The parcel is cancelled.")
            else:
                messages.error(request, _("Unknown action."))
                return redirect(back)
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
            return redirect(back)
        messages.success(request, message)
        return redirect(back)
