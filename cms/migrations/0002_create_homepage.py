"""Replace Wagtail's placeholder page with our home page and make it the default site's root."""

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("cms.HomePage")

    placeholder = Page.objects.filter(depth=2, slug="home").first()
    locale_id = placeholder.locale_id if placeholder else None
    if placeholder is not None:
        Site.objects.filter(root_page_id=placeholder.id).delete()
        placeholder.delete()
    if locale_id is None:
        Locale = apps.get_model("wagtailcore.Locale")
        locale_id = Locale.objects.order_by("pk").values_list("pk", flat=True).first()

    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="cms")
    homepage = HomePage.objects.create(
        title="Souk Tadamoun",
        draft_title="Souk Tadamoun",
        slug="home",
        content_type=content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale_id=locale_id,
        live=True,
    )
    Site.objects.create(
        hostname="localhost", port=80, root_page_id=homepage.id, is_default_site=True,
        site_name="Souk Tadamoun",
    )
    Page.objects.filter(depth=1).update(numchild=1)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
