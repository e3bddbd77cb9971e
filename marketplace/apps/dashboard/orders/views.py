"""Oscar's order dashboard with the vendor gap closed.

Oscar lets a partner's users (with `partner.dashboard_access`) open any order holding one of
their lines, and then shows every line of it and lets them change the whole order. Cooperative
staff move their shipments in their own space (/my-cooperative/); here they only read their lines.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import generic
from oscar.apps.dashboard.orders import views
from oscar.apps.dashboard.orders.views import *  # noqa: F403  (Oscar's fork pattern)

from cooperatives.space.converters import row_ids
from marketplace.apps.dashboard.orders.forms import RefundForm
from marketplace.apps.order.models import Order
from marketplace.apps.payment.services import refund_issue, refundable_amount


def _is_operator(user) -> bool:
    return user.is_staff


class OrderListView(views.OrderListView):
    """Oscar's order list, reading its search and the ticked orders before using them. An
    order's status follows its parcels: no bulk status change."""

    actions = ("download_selected_orders",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["order_statuses"] = []
        return context

    def get(self, request, *args, **kwargs):
        if not self.form_class(request.GET).is_valid():
            # Oscar first looks the raw order number up (a NUL byte there is a PostgreSQL
            # error); skip that shortcut: the list shows the form and its errors.
            return super(views.OrderListView, self).get(request, *args, **kwargs)
        return super().get(request, *args, **kwargs)

    def get_selected_ids(self, request):
        if request.POST.get(self.select_across_param, "").lower() == "1":
            return super().get_selected_ids(request)
        # Oscar filters `pk__in` with the raw values: "abc" is a ValueError, a huge number an
        # OverflowError on SQLite. Values that are no order id select nothing.
        posted = request.POST.getlist(f"selected_{self.get_checkbox_object_name()}")
        ids = row_ids(posted)
        return list(self.get_queryset().filter(pk__in=ids).values_list("pk", flat=True))


class OrderDetailView(views.OrderDetailView):
    # An order's status follows its cooperatives' parcels (order_status_refresh): a status set
    # by hand would contradict them and be overwritten by the next parcel event.
    order_actions = tuple(
        a for a in views.OrderDetailView.order_actions if a != "change_order_status"
    )
    line_actions = tuple(
        a for a in views.OrderDetailView.line_actions if a != "change_line_statuses"
    )

    def get_order_lines(self):
        lines = super().get_order_lines()
        if _is_operator(self.request.user):
            return lines
        return lines.filter(partner__users=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["vendor_view"] = not _is_operator(self.request.user)
        return context

    def post(self, request, *args, **kwargs):
        if not _is_operator(request.user):
            raise PermissionDenied
        return super().post(request, *args, **kwargs)


class LineDetailView(views.LineDetailView):
    def get_object(self, queryset=None):
        line = super().get_object(queryset)
        user = self.request.user
        if not _is_operator(user) and not line.partner.users.filter(pk=user.pk).exists():
            raise Http404
        return line


class ShippingAddressUpdateView(views.ShippingAddressUpdateView):
    def dispatch(self, request, *args, **kwargs):
        if not _is_operator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class OrderRefundView(generic.FormView):
    """Operators refund a card order, or one of its shipments, fully or partly (staff only)."""

    template_name = "oscar/dashboard/orders/order_refund.html"
    form_class = RefundForm

    def dispatch(self, request, *args, **kwargs):
        if not _is_operator(request.user):
            raise PermissionDenied
        self.order = get_object_or_404(Order, number=kwargs["number"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["order"] = self.order
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["order"] = self.order
        context["refunds"] = self.order.refunds.select_related("shipment__cooperative")
        context["refundable"] = refundable_amount(order=self.order)
        return context

    def form_valid(self, form):
        try:
            refund_issue(
                order=self.order,
                amount=form.cleaned_data["amount"],
                reason=form.cleaned_data["reason"],
                request_key=form.cleaned_data["request_key"],
                shipment=form.cleaned_data["shipment"],
                by_user=self.request.user,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(self.request, _("Refund sent to Stripe."))
        return redirect("dashboard:order-refund", number=self.order.number)
