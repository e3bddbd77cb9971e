"""Oscar's order dashboard with the vendor gap closed.

Oscar lets a partner's users (with `partner.dashboard_access`) open any order holding one of
their lines, and then shows every line of it and lets them change the whole order. Cooperative
staff move their shipments in their own space (/my-cooperative/); here they only read their lines.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from oscar.apps.dashboard.orders import views
from oscar.apps.dashboard.orders.views import *  # noqa: F403  (Oscar's fork pattern)


def _is_operator(user) -> bool:
    return user.is_staff


class OrderDetailView(views.OrderDetailView):
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
