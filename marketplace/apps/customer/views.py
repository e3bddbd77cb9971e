"""Oscar's account views, with the order line view answering every request it can get.

Oscar's `OrderLineView` only re-orders a line (a POST with `action=reorder`). There is no page
for a line: a GET, another action or a line that is not in the order ended in a server error
(the missing template `order/line_detail.html`, or `Line.DoesNotExist`).
"""

from django.shortcuts import get_object_or_404, redirect
from oscar.apps.customer import views
from oscar.apps.customer.views import *  # noqa: F403  (Oscar's fork pattern)
from oscar.core.loading import get_model

Order = get_model("order", "Order")


class OrderLineView(views.OrderLineView):
    """Re-order one line of one of the customer's orders; anything else goes to the order."""

    def get_object(self, queryset=None):
        order = get_object_or_404(Order, user=self.request.user, number=self.kwargs["order_number"])
        return get_object_or_404(order.lines, id=self.kwargs["line_id"])

    def get(self, request, *args, **kwargs):
        # Someone else's order or line is still a 404; Oscar's message for an unknown action
        # (PostActionMixin) shows on the order's page.
        line = self.get_object()
        return redirect("customer:order", order_number=line.order.number)
