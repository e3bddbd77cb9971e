"""Forms of the public cooperatives pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cooperatives.models import Region, Sector


class DirectoryFilterForm(forms.Form):
    """Filters of the cooperatives directory; unknown values are reported, never a server error."""

    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All regions"),
    )
    sector = forms.ChoiceField(
        label=_("Sector"), choices=[("", _("All sectors")), *Sector.choices], required=False
    )
    women_led = forms.BooleanField(label=_("Led by women"), required=False)
