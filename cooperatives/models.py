"""Regions, cooperatives and certifications: the marketplace's sellers and what vouches for them."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    """One of Morocco's 12 regions (2015 division), keyed by its ISO 3166-2 code."""

    code = models.CharField(_("ISO 3166-2 code"), max_length=5, unique=True)
    slug = models.SlugField(_("slug"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name


class Sector(models.TextChoices):
    ARGAN = "argan", _("Argan")
    AGRIFOOD = "agrifood", _("Food products")
    AROMATIC_PLANTS = "aromatic_plants", _("Aromatic and medicinal plants")
    BEEKEEPING = "beekeeping", _("Beekeeping")
    LIVESTOCK = "livestock", _("Livestock and dairy")
    FISHING = "fishing", _("Fishing")
    CRAFTS = "crafts", _("Crafts")
    TEXTILE = "textile", _("Textile and embroidery")
    COSMETICS = "cosmetics", _("Natural cosmetics")


class CooperativeQuerySet(models.QuerySet):
    def public(self):
        """Cooperatives a visitor may see: verified ones only."""
        return self.filter(verification_state=Cooperative.VerificationState.VERIFIED)


class Cooperative(models.Model):
    """A cooperative selling on the marketplace: Oscar's Partner plus who they are and where."""

    class VerificationState(models.TextChoices):
        PENDING = "pending", _("Pending verification")
        VERIFIED = "verified", _("Verified")
        SUSPENDED = "suspended", _("Suspended")

    class Setting(models.TextChoices):
        RURAL = "rural", _("Rural")
        URBAN = "urban", _("Urban")

    partner = models.OneToOneField(
        "partner.Partner",
        on_delete=models.PROTECT,
        related_name="cooperative",
        verbose_name=_("partner"),
    )
    name = models.CharField(_("legal name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    odco_number = models.CharField(_("ODCO register number"), max_length=40, unique=True)
    verification_state = models.CharField(
        _("verification"),
        max_length=16,
        choices=VerificationState.choices,
        default=VerificationState.PENDING,
        db_index=True,
    )
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="cooperatives", verbose_name=_("region")
    )
    province = models.CharField(_("province"), max_length=100, blank=True)
    commune = models.CharField(_("commune"), max_length=100, blank=True)
    setting = models.CharField(
        _("rural or urban"), max_length=8, choices=Setting.choices, default=Setting.RURAL
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    founded_year = models.PositiveSmallIntegerField(
        _("founding year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    members_count = models.PositiveIntegerField(_("members"), default=0)
    women_members_count = models.PositiveIntegerField(_("women members"), default=0)
    women_led = models.BooleanField(_("led by women"), default=False, db_index=True)
    youth_led = models.BooleanField(_("led by young people"), default=False)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, db_index=True)
    story = models.TextField(_("story"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="cooperatives/logos/", blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    email = models.EmailField(_("email"), blank=True)
    commission_rate = models.DecimalField(
        _("commission rate"),
        max_digits=4,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))],
        help_text=_("Share of sales kept by the platform, e.g. 0.080; empty for the default."),
    )
    # Private: shown to operators and the cooperative itself, never on public pages.
    payout_bank_name = models.CharField(_("bank"), max_length=100, blank=True)
    payout_account_holder = models.CharField(_("account holder"), max_length=200, blank=True)
    payout_rib = models.CharField(
        _("RIB (24 digits)"),
        max_length=24,
        blank=True,
        help_text=_("Moroccan bank account number."),
    )
    # Delivery: pickup is offered only when the cooperative gives an address.
    pickup_address = models.TextField(_("pickup address"), blank=True)
    pickup_hours = models.CharField(_("pickup hours"), max_length=200, blank=True)
    free_shipping_threshold = models.DecimalField(
        _("free delivery from (MAD)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Orders of this cooperative's products above this amount ship free."),
    )
    notification_language = models.CharField(
        _("language of notices"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CooperativeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("cooperative")
        verbose_name_plural = _("cooperatives")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(women_members_count__lte=models.F("members_count")),
                name="cooperative_women_members_within_members",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("cooperatives:storefront", kwargs={"slug": self.slug})

    @property
    def is_verified(self) -> bool:
        return self.verification_state == self.VerificationState.VERIFIED

    @property
    def is_rural(self) -> bool:
        return self.setting == self.Setting.RURAL

    @property
    def women_share(self) -> int | None:
        """Share of women among the members, in whole percent."""
        if not self.members_count:
            return None
        return round(100 * self.women_members_count / self.members_count)

    @property
    def effective_commission_rate(self) -> Decimal:
        if self.commission_rate is not None:
            return self.commission_rate
        return settings.MARKETPLACE_DEFAULT_COMMISSION_RATE


class CooperativePhoto(models.Model):
    """A photo on a cooperative's storefront."""

    cooperative = models.ForeignKey(
        Cooperative, on_delete=models.CASCADE, related_name="photos", verbose_name=_("cooperative")
    )
    image = models.ImageField(_("image"), upload_to="cooperatives/photos/")
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("cooperative photo")
        verbose_name_plural = _("cooperative photos")

    def __str__(self):
        return self.caption or self.image.name


class CertificationQuerySet(models.QuerySet):
    def valid(self, on: datetime.date | None = None):
        """Labels that may be shown: verified, started, and not expired on the given day."""
        from django.utils import timezone

        day = on or timezone.localdate()
        return self.filter(verified=True, valid_from__lte=day).filter(
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=day)
        )


class Certification(models.Model):
    """A label held by a cooperative (and carried by some of its products), with its validity."""

    class Kind(models.TextChoices):
        ODCO = "odco", _("ODCO registration")
        ONSSA = "onssa", _("ONSSA health authorisation")
        IGP = "igp", _("Protected geographical indication (IGP)")
        AOP = "aop", _("Protected designation of origin (AOP)")
        LABEL_AGRICOLE = "label_agricole", _("Label Agricole")
        ORGANIC = "organic", _("Organic")
        FAIR_TRADE = "fair_trade", _("Fair trade")
        IMANOR = "imanor", _("Imanor standard")

    cooperative = models.ForeignKey(
        Cooperative,
        on_delete=models.CASCADE,
        related_name="certifications",
        verbose_name=_("cooperative"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    number = models.CharField(_("number"), max_length=60, blank=True)
    issuer = models.CharField(_("issuer"), max_length=120, blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Empty when it does not expire.")
    )
    document = models.FileField(_("document"), upload_to="certifications/", blank=True)
    verified = models.BooleanField(_("verified by the operators"), default=False)

    objects = CertificationQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "valid_from"]
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="certification_validity_ordered",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}".strip()


class Hub(models.Model):
    """An address the operators run: cooperatives send basket components there, the hub assembles
    the solidarity baskets and ships them on (to the buyer, or to a campaign's partner)."""

    partner = models.OneToOneField(
        "partner.Partner",
        on_delete=models.PROTECT,
        related_name="hub",
        verbose_name=_("partner"),
        help_text=_("Oscar's partner whose stock records carry the baskets' prices."),
    )
    name = models.CharField(_("name"), max_length=200)
    address = models.TextField(_("address"))
    city = models.CharField(_("city"), max_length=100)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="hubs", verbose_name=_("region")
    )
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("hub")
        verbose_name_plural = _("hubs")

    def __str__(self):
        return self.name


class ParcelState:
    """What both kinds of parcel (a cooperative's, a hub's) derive from their status and amounts."""

    @property
    def total(self) -> Decimal:
        """What the customer pays for this parcel: its items and its delivery."""
        return self.items_total + self.shipping_charge

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    def can_become(self, status: str) -> bool:
        return status in self.TRANSITIONS.get(self.status, set())


class CooperativeShipment(ParcelState, models.Model):
    """The part of an order one cooperative fulfils: its lines, delivery, commission and due."""

    class Status(models.TextChoices):
        AWAITING_PAYMENT = "awaiting_payment", _("Awaiting card payment")
        NEW = "new", _("New")
        ACCEPTED = "accepted", _("Accepted")
        SHIPPED = "shipped", _("Shipped")
        DELIVERED = "delivered", _("Delivered")
        CANCELLED = "cancelled", _("Cancelled")
        REFUSED = "refused", _("Refused at the door")

    class DeliveryMethod(models.TextChoices):
        AMANA = "amana", _("Amana parcel")
        PICKUP = "pickup", _("Pickup at the cooperative")

    OPEN_STATUSES = (Status.NEW, Status.ACCEPTED, Status.SHIPPED)
    TRANSITIONS = {
        Status.AWAITING_PAYMENT: {Status.NEW, Status.CANCELLED},
        Status.NEW: {Status.ACCEPTED, Status.CANCELLED},
        Status.ACCEPTED: {Status.SHIPPED, Status.CANCELLED},
        Status.SHIPPED: {Status.DELIVERED, Status.REFUSED},
    }

    order = models.ForeignKey(
        "order.Order", on_delete=models.PROTECT, related_name="shipments", verbose_name=_("order")
    )
    cooperative = models.ForeignKey(
        Cooperative,
        on_delete=models.PROTECT,
        related_name="shipments",
        verbose_name=_("cooperative"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    delivery_method = models.CharField(
        _("delivery"), max_length=10, choices=DeliveryMethod.choices, default=DeliveryMethod.AMANA
    )
    items_total = models.DecimalField(_("products"), max_digits=12, decimal_places=2)
    shipping_charge = models.DecimalField(_("delivery charge"), max_digits=10, decimal_places=2)
    commission_rate = models.DecimalField(_("commission rate"), max_digits=5, decimal_places=4)
    commission_amount = models.DecimalField(_("commission"), max_digits=12, decimal_places=2)
    amount_owed = models.DecimalField(_("owed to the cooperative"), max_digits=12, decimal_places=2)
    tracking_number = models.CharField(_("tracking number"), max_length=40, blank=True)
    cancellation_reason = models.TextField(_("reason"), blank=True)
    hub = models.ForeignKey(
        Hub,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inbound_shipments",
        verbose_name=_("to the hub"),
        help_text=_("Set when the parcel holds basket products for the hub, not the customer."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    shipped_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When it was cancelled or refused.")
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("cooperative shipment")
        verbose_name_plural = _("cooperative shipments")
        constraints = [
            models.UniqueConstraint(
                fields=["order", "cooperative"],
                condition=models.Q(hub__isnull=True),
                name="shipment_one_per_order_and_cooperative",
            ),
            models.UniqueConstraint(
                fields=["order", "cooperative", "hub"],
                condition=models.Q(hub__isnull=False),
                name="shipment_one_per_order_cooperative_and_hub",
            ),
            models.CheckConstraint(
                condition=models.Q(items_total__gte=0)
                & models.Q(shipping_charge__gte=0)
                & models.Q(commission_amount__gte=0),
                name="shipment_amounts_not_negative",
            ),
        ]

    def __str__(self):
        return f"{self.order.number}-{self.cooperative.slug}"

    @property
    def reference(self) -> str:
        return f"{self.order.number}-{self.pk}"

    @property
    def is_to_hub(self) -> bool:
        return self.hub_id is not None


class BasketShare(models.Model):
    """What one cooperative supplies for one basket line of an order, and its share of the price.

    The shares of a line add up exactly to what the customer paid for it."""

    line = models.ForeignKey(
        "order.Line", on_delete=models.CASCADE, related_name="basket_shares", verbose_name=_("line")
    )
    shipment = models.ForeignKey(
        CooperativeShipment,
        on_delete=models.CASCADE,
        related_name="basket_shares",
        verbose_name=_("shipment"),
    )
    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("product"),
    )
    stockrecord = models.ForeignKey(
        "partner.StockRecord",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("stock record"),
    )
    title = models.CharField(_("product"), max_length=255)
    quantity = models.PositiveIntegerField(_("quantity"))
    value = models.DecimalField(
        _("value"),
        max_digits=12,
        decimal_places=2,
        help_text=_("The products' own price at the time of the sale: the weight of the share."),
    )
    amount = models.DecimalField(_("share"), max_digits=12, decimal_places=2)
    commission_amount = models.DecimalField(_("commission"), max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["line_id", "pk"]
        verbose_name = _("basket share")
        verbose_name_plural = _("basket shares")

    def __str__(self):
        return f"{self.quantity} × {self.title}"


class HubShipment(ParcelState, models.Model):
    """The assembled solidarity baskets of an order leaving a hub: to the buyer, or to a
    campaign's partner organisation when the buyer offers them."""

    Status = CooperativeShipment.Status
    OPEN_STATUSES = CooperativeShipment.OPEN_STATUSES
    TRANSITIONS = CooperativeShipment.TRANSITIONS

    order = models.ForeignKey(
        "order.Order",
        on_delete=models.PROTECT,
        related_name="hub_shipments",
        verbose_name=_("order"),
    )
    hub = models.ForeignKey(
        Hub, on_delete=models.PROTECT, related_name="outbound_shipments", verbose_name=_("hub")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    campaign_page_id = models.PositiveIntegerField(
        _("campaign page"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Set when the baskets are offered through this campaign."),
    )
    recipient = models.CharField(
        _("partner organisation"),
        max_length=200,
        blank=True,
        help_text=_("Who receives offered baskets and hands them to families."),
    )
    items_total = models.DecimalField(_("baskets"), max_digits=12, decimal_places=2)
    shipping_charge = models.DecimalField(_("delivery charge"), max_digits=10, decimal_places=2)
    tracking_number = models.CharField(_("tracking number"), max_length=40, blank=True)
    cancellation_reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    shipped_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("hub shipment")
        verbose_name_plural = _("hub shipments")

    def __str__(self):
        return f"{self.order.number}-{self.hub.name}"

    @property
    def reference(self) -> str:
        return f"{self.order.number}-H{self.pk}"

    @property
    def is_offered(self) -> bool:
        return self.campaign_page_id is not None


# The code of Oscar's product option that marks a basket line as offered through a campaign
# (its value is the campaign page's id).
OFFERED_CAMPAIGN_OPTION = "offered-campaign"


class LedgerEntry(models.Model):
    """One movement in what the marketplace owes a cooperative (positive: owed to it)."""

    class Kind(models.TextChoices):
        SALE = "sale", _("Sale")
        SHIPPING = "shipping", _("Delivery charge")
        COMMISSION = "commission", _("Commission")
        REVERSAL = "reversal", _("Cancellation")
        CASH_COLLECTED = "cash", _("Cash collected on delivery")
        REFUND = "refund", _("Refund")
        PAYOUT = "payout", _("Payout")

    # Cash collected is what the carrier took from the customer for us: it does not change what
    # the cooperative is owed, it tells the operators that the money is in.
    OWED_KINDS = (
        Kind.SALE,
        Kind.SHIPPING,
        Kind.COMMISSION,
        Kind.REVERSAL,
        Kind.REFUND,
        Kind.PAYOUT,
    )

    cooperative = models.ForeignKey(
        Cooperative, on_delete=models.PROTECT, related_name="ledger_entries"
    )
    shipment = models.ForeignKey(
        CooperativeShipment,
        on_delete=models.PROTECT,
        related_name="ledger_entries",
        null=True,
        blank=True,
    )
    basket_share = models.ForeignKey(
        BasketShare,
        on_delete=models.PROTECT,
        related_name="ledger_entries",
        null=True,
        blank=True,
        help_text=_("The basket share this entry books, for basket products sent to a hub."),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        constraints = [
            # Each shipment is booked once per kind (refunds may be several, each recorded once
            # in payment.Refund): replays and double clicks cannot double an entry.
            models.UniqueConstraint(
                fields=["shipment", "kind"],
                condition=models.Q(shipment__isnull=False)
                & models.Q(basket_share__isnull=True)
                & ~models.Q(kind="refund"),
                name="ledger_one_entry_per_shipment_and_kind",
            ),
            # A basket share is booked once per kind too.
            models.UniqueConstraint(
                fields=["basket_share", "kind"],
                condition=models.Q(basket_share__isnull=False),
                name="ledger_one_entry_per_basket_share_and_kind",
            ),
        ]

    def __str__(self):
        return f"{self.cooperative} {self.kind} {self.amount}"
