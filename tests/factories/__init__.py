"""Factories for tests: cooperatives with their partner, labels, categories and products."""

import datetime
import itertools
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from oscar.apps.partner.models import Partner, StockRecord

from catalogue.models import Category, Product, ProductCategory, ProductClass
from cooperatives.models import Certification, Cooperative, Region

_sequence = itertools.count(1)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"user{n}@example.test")
    password = factory.PostGenerationMethodCall("set_password", "pass-1234-word")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class CooperativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cooperative

    partner = factory.LazyAttribute(
        lambda o: Partner.objects.create(name=o.name, code=f"test-{o.slug}")
    )
    name = factory.Sequence(lambda n: f"Coopérative Test {n}")
    slug = factory.Sequence(lambda n: f"test-cooperative-{n}")
    odco_number = factory.Sequence(lambda n: f"ODCO-TEST-{n:05d}")
    verification_state = Cooperative.VerificationState.VERIFIED
    region = factory.LazyFunction(lambda: Region.objects.get(code="MA-09"))
    province = "Taroudant"
    commune = "Taliouine"
    sector = "argan"
    members_count = 20
    women_members_count = 12
    story_fr = "Une coopérative de test."
    story_ar = "تعاونية للاختبار."
    story_en = "A test cooperative."


class CertificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certification

    cooperative = factory.SubFactory(CooperativeFactory)
    kind = Certification.Kind.ONSSA
    number = factory.Sequence(lambda n: f"CERT-{n:05d}")
    issuer = "ONSSA"
    valid_from = datetime.date(2020, 1, 1)
    valid_until = datetime.date(2099, 12, 31)
    verified = True


def category_create(*, name: str, parent: Category | None = None, **names) -> Category:
    """A category (treebeard needs add_root/add_child rather than a plain create)."""
    slug = f"{name.lower().replace(' ', '-')}-{next(_sequence)}"
    fields = {"name": name, "name_fr": name, "slug": slug, **names}
    if parent is None:
        return Category.add_root(**fields)
    parent.refresh_from_db()
    return parent.add_child(**fields)


def product_create(
    *,
    cooperative: Cooperative,
    title: str = "",
    price: str = "100.00",
    stock: int = 10,
    category: Category | None = None,
    **fields,
) -> Product:
    """A public product sold by `cooperative` through a stock record."""
    number = next(_sequence)
    title = title or f"Produit test {number}"
    klass, _ = ProductClass.objects.get_or_create(
        slug="test-class", defaults={"name": "Test", "requires_shipping": True, "track_stock": True}
    )
    defaults = {"title_fr": title, "title_en": title, "title_ar": title, "is_public": True}
    defaults.update(fields)
    product = Product.objects.create(
        title=defaults["title_fr"], upc=f"TEST-{number}", product_class=klass, **defaults
    )
    StockRecord.objects.create(
        product=product,
        partner=cooperative.partner,
        partner_sku=f"TEST-{number}",
        price=Decimal(price),
        price_currency="MAD",
        num_in_stock=stock,
    )
    if category is not None:
        ProductCategory.objects.create(product=product, category=category)
    return product
