"""Loads the demo marketplace: categories, cooperatives, labels, products, pictures and logins.

Every step looks things up by a stable key (slug, UPC, e-mail) before creating them, so loading
twice gives the same rows. Stock is set only when a product is first created, so a second load never
undoes what the demo shop has sold.
"""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from oscar.apps.partner.models import Partner, StockRecord

from catalogue.models import Category, Product, ProductCategory, ProductClass, ProductImage
from catalogue.services import product_labels_set
from cooperatives.demo.categories import CATEGORY_TREE, leaf_colours
from cooperatives.demo.cooperatives_data import COOPERATIVES
from cooperatives.demo.images import draw_picture
from cooperatives.models import Certification, Cooperative, CooperativePhoto, Region
from cooperatives.services import regions_ensure, shipping_country_ensure
from marketplace.progress import ProgressBar

DEMO_PASSWORD = "souk-demo-2026"  # noqa: S105  (printed for the demo logins; demo data only)
OPERATOR_EMAIL = "operateur@souk-tadamoun.ma"
CUSTOMER_EMAIL = "client@souk-tadamoun.ma"
STAFF_EMAIL_DOMAIN = "coop.souk-tadamoun.ma"
PRODUCT_CLASS_SLUG = "produit-cooperative"
SYNTHETIC_PREFIX = "synth-"
LANGUAGES = ("fr", "ar", "en")


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    password: str


def _translated(prefix: str, texts: dict[str, str]) -> dict[str, str]:
    """{'fr': 'x', ...} -> {'title': 'x', 'title_fr': 'x', ...} for modeltranslation fields."""
    fields = {f"{prefix}_{code}": texts[code] for code in LANGUAGES}
    fields[prefix] = texts["fr"]
    return fields


def load_categories() -> dict[str, Category]:
    """The category tree of CATEGORY_TREE, keyed by slug."""
    by_slug = {category.slug: category for category in Category.objects.all()}
    for family in CATEGORY_TREE:
        parent = by_slug.get(family["key"])
        if parent is None:
            parent = Category.add_root(slug=family["key"], **_translated("name", family["name"]))
            by_slug[parent.slug] = parent
        for key, names, _colour in family["children"]:
            if key not in by_slug:
                parent.refresh_from_db()
                by_slug[key] = parent.add_child(slug=key, **_translated("name", names))
    return by_slug


def product_class() -> ProductClass:
    klass, _ = ProductClass.objects.get_or_create(
        slug=PRODUCT_CLASS_SLUG,
        defaults={"name": "Produit de coopérative", "requires_shipping": True, "track_stock": True},
    )
    return klass


def _delivery_terms(data: dict) -> dict:
    """Pickup for most cooperatives, a free-delivery threshold for some, Arabic notices for
    the women-led rural ones (many of their staff read Arabic only)."""
    index = sum(map(ord, data["slug"]))
    return {
        "pickup_address": (
            ""
            if index % 4 == 0
            else f"Siège de la coopérative, {data['commune']}, {data['province']}"
        ),
        "pickup_hours": "" if index % 4 == 0 else "Lun.–sam., 9 h – 17 h",
        "free_shipping_threshold": Decimal("500.00") if index % 3 == 0 else None,
        "notification_language": "ar" if data["women_led"] and data["setting"] == "rural" else "fr",
    }


def _upsert_cooperative(data: dict, regions: dict[str, Region]) -> Cooperative:
    partner, _ = Partner.objects.get_or_create(code=data["slug"], defaults={"name": data["name"]})
    cooperative, _ = Cooperative.objects.update_or_create(
        slug=data["slug"],
        defaults={
            "partner": partner,
            "name": data["name"],
            "odco_number": data["odco_number"],
            "verification_state": Cooperative.VerificationState.VERIFIED,
            "region": regions[data["region"]],
            "province": data["province"],
            "commune": data["commune"],
            "setting": data["setting"],
            "latitude": Decimal(data["latitude"]),
            "longitude": Decimal(data["longitude"]),
            "founded_year": data["founded"],
            "members_count": data["members"],
            "women_members_count": data["women_members"],
            "women_led": data["women_led"],
            "youth_led": data["youth_led"],
            "sector": data["sector"],
            "phone": data["phone"],
            "email": f"{data['slug']}@{STAFF_EMAIL_DOMAIN}",
            **_translated("story", data["story"]),
            **_delivery_terms(data),
        },
    )
    return cooperative


def _upsert_certifications(cooperative: Cooperative, data: dict) -> dict[str, Certification]:
    by_kind = {}
    for item in data["certifications"]:
        certification, _ = Certification.objects.update_or_create(
            cooperative=cooperative,
            kind=item["kind"],
            number=item["number"],
            defaults={
                "issuer": item["issuer"],
                "valid_from": datetime.date.fromisoformat(item["valid_from"]),
                "valid_until": (
                    datetime.date.fromisoformat(item["valid_until"])
                    if item["valid_until"]
                    else None
                ),
                "verified": True,
            },
        )
        by_kind[item["kind"]] = certification
    return by_kind


def _draw_cooperative_media(cooperative: Cooperative, colour: str) -> None:
    if not cooperative.logo:
        initials = "".join(word[0] for word in cooperative.name.split()[1:3]).upper() or "C"
        cooperative.logo.save(
            f"{cooperative.slug}.jpg",
            ContentFile(
                draw_picture(
                    seed=cooperative.slug, colour=colour, caption=initials, size=(256, 256)
                )
            ),
            save=True,
        )
    if not cooperative.photos.exists():
        for position in range(2):
            photo = CooperativePhoto(cooperative=cooperative, position=position)
            photo.image.save(
                f"{cooperative.slug}-{position}.jpg",
                ContentFile(draw_picture(seed=f"{cooperative.slug}/{position}", colour=colour)),
                save=False,
            )
            photo.save()


def _upsert_product(
    *,
    cooperative: Cooperative,
    data: dict,
    category: Category,
    klass: ProductClass,
    labels: dict[str, Certification],
    colour: str,
) -> Product:
    product, created = Product.objects.update_or_create(
        upc=data["slug"][:64],
        defaults={
            "slug": data["slug"],
            "product_class": klass,
            "structure": Product.STANDALONE,
            "is_public": True,
            "weight_grams": data["weight_grams"],
            **_translated("title", data["title"]),
            **_translated("description", data["description"]),
        },
    )
    ProductCategory.objects.get_or_create(product=product, category=category)
    stockrecord, sr_created = StockRecord.objects.get_or_create(
        partner=cooperative.partner,
        partner_sku=data["slug"][:128],
        defaults={
            "product": product,
            "price": Decimal(data["price"]),
            "price_currency": "MAD",
            "num_in_stock": data["stock"],
        },
    )
    if not sr_created and stockrecord.price != Decimal(data["price"]):
        stockrecord.price = Decimal(data["price"])
        stockrecord.save(update_fields=["price"])
    product_labels_set(product=product, labels=[labels[kind] for kind in data["labels"]])
    if not product.images.exists():
        image = ProductImage(product=product, display_order=0, caption=data["title"]["fr"])
        image.original.save(
            f"{data['slug']}.jpg",
            ContentFile(draw_picture(seed=data["slug"], colour=colour)),
            save=False,
        )
        image.save()
    return product


def _upsert_user(*, email: str, first_name: str, last_name: str, **flags):
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(username=email[:150], email=email, first_name=first_name, last_name=last_name)
        for key, value in flags.items():
            setattr(user, key, value)
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


@transaction.atomic
def load_catalogue(*, progress_stream=None) -> list[DemoLogin]:
    """The hand-written demo marketplace; returns the demo logins."""
    categories = load_categories()
    klass = product_class()
    colours = leaf_colours()
    regions = regions_ensure()
    shipping_country_ensure()
    logins = [
        DemoLogin("operator", OPERATOR_EMAIL, DEMO_PASSWORD),
        DemoLogin("customer", CUSTOMER_EMAIL, DEMO_PASSWORD),
    ]
    _upsert_user(
        email=OPERATOR_EMAIL,
        first_name="Nadia",
        last_name="Operatrice",
        is_staff=True,
        is_superuser=True,
    )
    _upsert_user(email=CUSTOMER_EMAIL, first_name="Youssef", last_name="Client")
    bar = ProgressBar(total=len(COOPERATIVES), label="Cooperatives", stream=progress_stream)
    for data in COOPERATIVES:
        cooperative = _upsert_cooperative(data, regions)
        labels = _upsert_certifications(cooperative, data)
        first_category = data["products"][0]["category"]
        _draw_cooperative_media(cooperative, colours[first_category])
        for product_data in data["products"]:
            _upsert_product(
                cooperative=cooperative,
                data=product_data,
                category=categories[product_data["category"]],
                klass=klass,
                labels=labels,
                colour=colours[product_data["category"]],
            )
        staff_email = f"{data['slug']}@{STAFF_EMAIL_DOMAIN}"
        staff = _upsert_user(email=staff_email, first_name=data["name"][:150], last_name="")
        cooperative.partner.users.add(staff)
        logins.append(DemoLogin(f"staff of {data['name']}", staff_email, DEMO_PASSWORD))
        bar.advance()
    return logins


def demo_customer():
    """The demo customer (created by load_catalogue)."""
    return get_user_model().objects.get(email=CUSTOMER_EMAIL)


SYNTHETIC_NAMES = [
    "Tafoukt",
    "Al Amal",
    "Nour",
    "Tiwizi",
    "Anzar",
    "Tamount",
    "Al Baraka",
    "Tilelli",
    "Azur",
    "Tazzla",
    "Al Wafa",
    "Ighrem",
    "Tudert",
    "Annour",
    "Tanirt",
    "Assafou",
    "Al Khayr",
    "Tafsut",
]


def load_synthetic(*, count: int, progress_stream=None) -> int:
    """Ensure `count` synthetic cooperatives with about ten products each exist, in bulk.

    Products copy the hand-written demo texts, so load tests search and render real words.
    Returns how many cooperatives were created by this call.
    """
    templates = [(c, p) for c in COOPERATIVES for p in c["products"]]
    categories = load_categories()
    klass = product_class()
    regions = [region for _code, region in sorted(regions_ensure().items())]
    wanted = [f"{SYNTHETIC_PREFIX}{index:05d}" for index in range(1, count + 1)]
    existing = set(Cooperative.objects.filter(slug__in=wanted).values_list("slug", flat=True))
    missing = [slug for slug in wanted if slug not in existing]
    bar = ProgressBar(total=len(missing), label="Synthetic cooperatives", stream=progress_stream)
    batch_size = 50
    for start in range(0, len(missing), batch_size):
        batch = missing[start : start + batch_size]
        with transaction.atomic():
            _create_synthetic_batch(batch, templates, categories, klass, regions)
        bar.advance(len(batch))
    return len(missing)


def _create_synthetic_batch(slugs, templates, categories, klass, regions) -> None:
    partners = Partner.objects.bulk_create([Partner(code=slug, name=slug) for slug in slugs])
    cooperatives = []
    for slug, partner in zip(slugs, partners, strict=True):
        index = int(slug.removeprefix(SYNTHETIC_PREFIX))
        rng = random.Random(index)
        template_coop, _ = rng.choice(templates)
        name = f"Coopérative {rng.choice(SYNTHETIC_NAMES)} {index}"
        partner.name = name
        members = rng.randint(7, 120)
        women_led = rng.random() < 0.4
        cooperatives.append(
            Cooperative(
                partner=partner,
                name=name,
                slug=slug,
                odco_number=f"ODCO-SYN-{index:06d}",
                verification_state=Cooperative.VerificationState.VERIFIED,
                region=regions[index % len(regions)],
                province=template_coop["province"],
                commune=template_coop["commune"],
                setting=rng.choice(["rural", "rural", "urban"]),
                founded_year=rng.randint(1985, 2022),
                members_count=members,
                women_members_count=members if women_led else rng.randint(0, members),
                women_led=women_led,
                youth_led=rng.random() < 0.2,
                sector=template_coop["sector"],
                **_translated("story", template_coop["story"]),
            )
        )
    Partner.objects.bulk_update(partners, ["name"])
    Cooperative.objects.bulk_create(cooperatives)
    products, stockrecords, links = [], [], []
    for cooperative, partner in zip(cooperatives, partners, strict=True):
        rng = random.Random(cooperative.slug)
        for number in range(rng.randint(8, 12)):
            _, data = rng.choice(templates)
            product = Product(
                upc=f"{cooperative.slug}-{number:02d}",
                slug=data["slug"],
                product_class=klass,
                structure=Product.STANDALONE,
                is_public=True,
                weight_grams=data["weight_grams"],
                **_translated("title", data["title"]),
                **_translated("description", data["description"]),
            )
            products.append(product)
            price = Decimal(data["price"]) * Decimal(rng.randint(85, 120)) / 100
            stockrecords.append(
                StockRecord(
                    product=product,
                    partner=partner,
                    partner_sku=product.upc,
                    price=price.quantize(Decimal("0.01")),
                    price_currency="MAD",
                    num_in_stock=rng.randint(0, 60),
                )
            )
            links.append((product, categories[data["category"]]))
    Product.objects.bulk_create(products)
    StockRecord.objects.bulk_create(stockrecords)
    ProductCategory.objects.bulk_create(
        [ProductCategory(product=product, category=category) for product, category in links]
    )
