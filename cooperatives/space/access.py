"""Who may enter a cooperative's space: its own staff (the Partner's users), nobody else."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied

from cooperatives.selectors import cooperative_for_staff


class CooperativeStaffMixin(LoginRequiredMixin):
    """Anonymous visitors go to the login page; users who staff no cooperative get 403.

    `self.cooperative` is the only cooperative a view may read or change: every query in the
    space starts from it, so another cooperative's rows are simply not found (404).
    """

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.cooperative = cooperative_for_staff(user=request.user)
        if self.cooperative is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cooperative"] = self.cooperative
        return context
