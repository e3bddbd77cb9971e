"""Morocco's 12 regions (2015 division) with their ISO 3166-2 codes, in French, Arabic and English."""

from django.db import migrations

from cooperatives.regions import REGIONS


def create_regions(apps, schema_editor):
    Region = apps.get_model("cooperatives", "Region")
    for code, slug, name_fr, name_ar, name_en in REGIONS:
        Region.objects.update_or_create(
            code=code,
            defaults={
                "slug": slug,
                "name": name_fr,
                "name_fr": name_fr,
                "name_ar": name_ar,
                "name_en": name_en,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0001_initial")]

    operations = [migrations.RunPython(create_regions, migrations.RunPython.noop)]
