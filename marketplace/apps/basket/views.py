"""Oscar's basket views, refusing a forged or truncated line formset before Oscar reads it."""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from oscar.apps.basket import views
from oscar.apps.basket.views import *  # noqa: F403  (Oscar's fork pattern)
from oscar.core.utils import is_ajax

MANAGEMENT_FIELDS = ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS")
# A page left open in another tab may still list lines removed since: Oscar skips those.
STALE_LINES_MARGIN = 50


def formset_management_sound(data, *, prefix: str, forms_max: int) -> bool:
    """Whether `data` carries a whole management form of small, consistent counts.

    Oscar's basket view reads every management field itself once a line is removed, and builds
    as many forms as TOTAL_FORMS says (Django caps it at 2,000): a missing field or a huge
    count must be refused before that.
    """
    counts = {}
    for name in MANAGEMENT_FIELDS:
        raw = data.get(f"{prefix}-{name}", "")
        if not (len(raw) <= 6 and raw.isascii() and raw.isdigit()):
            return False
        counts[name] = int(raw)
    return counts["INITIAL_FORMS"] <= counts["TOTAL_FORMS"] <= forms_max


class BasketView(views.BasketView):
    """The basket page; its quantities form must come back as the page sent it."""

    def post(self, request, *args, **kwargs):
        prefix = self.get_prefix() or self.get_formset().get_default_prefix()
        forms_max = request.basket.num_lines + STALE_LINES_MARGIN
        if not formset_management_sound(request.POST, prefix=prefix, forms_max=forms_max):
            message = _("Your basket could not be updated. Please check it and try again.")
            if is_ajax(request):
                return JsonResponse({"messages": {"error": [message]}}, status=400)
            messages.error(request, message)
            return redirect("basket:summary")
        return super().post(request, *args, **kwargs)
