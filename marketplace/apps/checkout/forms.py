"""Checkout forms: a Moroccan address with a mobile phone, delivery per cooperative, payment."""

import phonenumbers
from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout import forms as oscar_forms
from oscar.apps.checkout.forms import *  # noqa: F403  (Oscar's fork pattern)
from oscar.templatetags.currency_filters import currency
from phonenumber_field.phonenumber import PhoneNumber

from cooperatives.models import CooperativeShipment, Region
from cooperatives.shipping import delivery_methods_for, delivery_quote

MOBILE_TYPES = (
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
)
PHONE_MESSAGE = _("Enter a Moroccan mobile number, such as 06 12 34 56 78 or +212 6 12 34 56 78.")


def moroccan_mobile(raw: str) -> PhoneNumber | None:
    """Parse a Moroccan mobile number written locally or internationally; None if it is not one."""
    try:
        number = PhoneNumber.from_string(raw.strip(), region="MA")
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != 212 or not number.is_valid():
        return None
    if phonenumbers.number_type(number) not in MOBILE_TYPES:
        return None
    return number


class ShippingAddressForm(oscar_forms.ShippingAddressForm):
    """Name, street, city, region and a mobile phone the courier can call; Morocco only."""

    region = forms.ModelChoiceField(
        queryset=Region.objects.all(), label=_("Region"), empty_label=_("Choose your region")
    )

    class Meta(oscar_forms.ShippingAddressForm.Meta):
        fields = [
            "first_name",
            "last_name",
            "phone_number",
            "line1",
            "line2",
            "line4",
            "postcode",
            "notes",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone_number"].required = True
        self.fields["phone_number"].label = _("Mobile phone")
        self.fields["phone_number"].help_text = _("The courier calls this number before delivery.")
        self.fields["line1"].label = _("Address")
        self.fields["line2"].label = _("Address (continued)")
        self.fields["line4"].label = _("City")
        self.fields["line4"].required = True
        self.fields["postcode"].required = False
        self.fields["notes"].label = _("Directions for the courier")
        if self.instance.state and not self.initial.get("region"):
            self.initial["region"] = Region.objects.filter(name_fr=self.instance.state).first()
        self.order_fields(
            ["first_name", "last_name", "phone_number", "line1", "line2", "line4", "region"]
        )

    def clean_phone_number_field(self, field_name):
        number = moroccan_mobile(self.cleaned_data.get(field_name) or "")
        if number is None:
            self.add_error(field_name, PHONE_MESSAGE)
            return self.cleaned_data.get(field_name)
        return number

    def clean(self):
        cleaned = super().clean()
        region = cleaned.get("region")
        if region is not None:
            # The address keeps the region's name; delivery quotes look it up again.
            self.instance.state = region.name_fr
        return cleaned


class DeliveryChoiceForm(forms.Form):
    """One choice per cooperative in the basket: Amana parcel or pickup where offered."""

    def __init__(self, *args, quotes, destination=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Offered baskets go from the hub to the campaign's partner: nothing to choose.
        self.quotes = [
            quote for quote in quotes if not getattr(quote.cooperative, "is_offered", False)
        ]
        for quote in self.quotes:
            cooperative = quote.cooperative
            self.fields[self.field_name(cooperative)] = forms.ChoiceField(
                label=cooperative.name,
                choices=[
                    (method, self.choice_label(quote.group, method, destination))
                    for method in delivery_methods_for(cooperative)
                ],
                initial=quote.method,
                widget=forms.RadioSelect,
            )

    @staticmethod
    def choice_label(group, method, destination) -> str:
        option = delivery_quote(group=group, method=method, destination=destination)
        name = CooperativeShipment.DeliveryMethod(method).label
        if option.charge:
            return f"{name} — {currency(option.charge)}"
        if option.free_from_threshold:
            return f"{name} — {_('free: this cooperative offers delivery above its threshold')}"
        return f"{name} — {_('free')}"

    @staticmethod
    def field_name(cooperative) -> str:
        return f"delivery_{cooperative.slug}"

    def choices(self) -> dict[str, str]:
        return {
            quote.cooperative.slug: self.cleaned_data[self.field_name(quote.cooperative)]
            for quote in self.quotes
        }


class PaymentMethodForm(forms.Form):
    """How the customer pays; card joins cash on delivery when Stripe is configured."""

    method = forms.ChoiceField(label=_("Payment"), widget=forms.RadioSelect)

    def __init__(self, *args, methods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].choices = methods
        self.fields["method"].initial = methods[0][0]
