"""Morocco is the one country the marketplace delivers to."""

from django.db import migrations

from cooperatives.regions import MOROCCO


def add_morocco(apps, schema_editor):
    Country = apps.get_model("address", "Country")
    fields = dict(MOROCCO)
    Country.objects.update_or_create(iso_3166_1_a2=fields.pop("iso_3166_1_a2"), defaults=fields)


class Migration(migrations.Migration):
    dependencies = [
        ("cooperatives", "0003_shipments_and_ledger"),
        ("address", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_morocco, migrations.RunPython.noop)]
