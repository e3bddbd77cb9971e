"""`manage.py flush` empties Wagtail's tree, its root collection and its site: the editorial setup
(run by `load_demo_data` and after `migrate`) makes them again."""

import pytest
from wagtail.models import Collection, Page, Site

from cms import services

pytestmark = pytest.mark.django_db


def test_the_editorial_setup_rebuilds_the_tree_and_the_site_a_flush_removed(client):
    Site.objects.all().delete()
    Page.objects.all().delete()
    Collection.objects.all().delete()
    assert Page.get_first_root_node() is None

    services.editorial_setup_ensure()
    homes = services.home_translations_ensure()

    assert sorted(home.locale.language_code for home in homes) == ["ar", "en", "fr"]
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == homes[0]
    assert Collection.get_first_root_node() is not None
    assert client.get("/").status_code == 200
    assert client.get("/ar/").status_code == 200
