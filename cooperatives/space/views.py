"""The cooperative's space: what to do now, its shipments and their next steps, sales and dues."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import generic

from cooperatives import selectors, services
from cooperatives.models import CooperativeShipment
from cooperatives.space.access import CooperativeStaffMixin
from cooperatives.space.forms import ReasonForm, ShipForm

Status = CooperativeShipment.Status


def _month_start():
    now = timezone.localtime()
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


class HomeView(CooperativeStaffMixin, generic.TemplateView):
    """What to do now: new shipments to accept, accepted ones to send, low stock; this month."""

    template_name = "cooperatives/space/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shipments = selectors.shipment_list_for_cooperative
        context["new_shipments"] = list(
            shipments(cooperative=self.cooperative, status=Status.NEW)[:20]
        )
        context["to_ship"] = list(
            shipments(cooperative=self.cooperative, status=Status.ACCEPTED)[:20]
        )
        low_stock = selectors.stockrecord_list_low(cooperative=self.cooperative)
        context["low_stock"] = list(low_stock[:20])
        context["summary"] = selectors.cooperative_sales_summary(
            cooperative=self.cooperative, since=_month_start()
        )
        return context


class ShipmentListView(CooperativeStaffMixin, generic.ListView):
    """All the cooperative's shipments, filterable by status."""

    template_name = "cooperatives/space/shipment_list.html"
    context_object_name = "shipments"
    paginate_by = 20

    def get_queryset(self):
        status = self.request.GET.get("status", "")
        self.status = status if status in Status.values else ""
        if status and not self.status:
            messages.warning(self.request, _("Unknown status: showing every shipment."))
        return selectors.shipment_list_for_cooperative(
            cooperative=self.cooperative, status=self.status
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statuses"] = Status.choices
        context["current_status"] = self.status
        return context


class ShipmentDetailView(CooperativeStaffMixin, generic.TemplateView):
    """One shipment: its lines, where it goes, and the buttons for its next step."""

    template_name = "cooperatives/space/shipment_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shipment = selectors.shipment_get_for_cooperative(
            cooperative=self.cooperative, pk=self.kwargs["pk"]
        )
        context["shipment"] = shipment
        context["order"] = shipment.order
        context["lines"] = selectors.parcel_lines(parcel=shipment)
        context["basket_shares"] = list(shipment.basket_shares.select_related("line"))
        context["ship_form"] = kwargs.get("ship_form") or ShipForm()
        context["reason_form"] = kwargs.get("reason_form") or ReasonForm()
        return context


class ShipmentActionView(CooperativeStaffMixin, generic.View):
    """POST only: accept, ship, deliver, cancel or refuse one of the cooperative's shipments."""

    ACTIONS = ("accept", "ship", "deliver", "cancel", "refuse")

    def get(self, request, *args, **kwargs):
        return HttpResponseNotAllowed(["POST"])

    def post(self, request, pk, action):
        if action not in self.ACTIONS:
            raise Http404
        shipment = selectors.shipment_get_for_cooperative(cooperative=self.cooperative, pk=pk)
        try:
            self._apply(shipment, action, request.POST)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("cooperative_space:shipment", pk=shipment.pk)
        messages.success(request, _("Shipment updated."))
        return redirect("cooperative_space:shipment", pk=shipment.pk)

    def _apply(self, shipment, action, data):
        if action == "accept":
            services.shipment_accept(shipment=shipment)
        elif action == "ship":
            form = ShipForm(data)
            if not form.is_valid():
                raise ValidationError(_("Check the tracking number."))
            services.shipment_mark_shipped(
                shipment=shipment, tracking_number=form.cleaned_data["tracking_number"]
            )
        elif action == "deliver":
            services.shipment_mark_delivered(shipment=shipment)
        elif action in ("cancel", "refuse"):
            form = ReasonForm(data)
            if not form.is_valid():
                raise ValidationError(_("The reason is too long."))
            if action == "cancel":
                services.shipment_cancel(shipment=shipment, reason=form.cleaned_data["reason"])
            else:
                services.shipment_mark_refused(
                    shipment=shipment, reason=form.cleaned_data["reason"]
                )
