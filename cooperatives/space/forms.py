"""Forms of the cooperative's space for moving a shipment along."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ShipForm(forms.Form):
    tracking_number = forms.CharField(
        label=_("Amana tracking number"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "dir": "ltr", "inputmode": "text"}),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
