"""Campaign editors publish without a developer and never reach Oscar's dashboard; contributors'
drafts go through review; scheduled pages stay hidden until their time."""

import datetime
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import StandardPage
from cms.services import EDITORS_GROUP, WORKFLOW_NAME
from cms.tasks import pages_scheduled_publish
from marketplace.background.schedule import periodic_enqueue
from tests.background import tasks_run

pytestmark = pytest.mark.django_db


def _page_data(title, slug, **extra):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "",
            "body": streamfield([("text", rich_text("<p>Texte</p>"))]),
            "comments": inline_formset([]),
        }
    )
    data.update(extra)
    return data


def _add(client, parent, data):
    url = reverse("wagtailadmin_pages:add", args=["cms", "standardpage", parent.pk])
    return client.post(url, data)


def test_an_editor_publishes_a_page_that_visitors_then_see(client, editor, home_fr):
    client.force_login(editor)

    response = _add(
        client, home_fr, _page_data("Livraison", "livraison", **{"action-publish": "1"})
    )

    assert response.status_code == 302
    page = StandardPage.objects.get(slug="livraison", locale__language_code="fr")
    assert page.live
    client.logout()
    assert client.get("/livraison/").status_code == 200
    # Every language tree gets an alias of the new page until an editor translates it.
    aliases = StandardPage.objects.filter(alias_of=page)
    assert sorted(alias.locale.language_code for alias in aliases) == ["ar", "en"]
    assert client.get("/ar/livraison/").status_code == 200


@pytest.mark.parametrize(
    "path", ["/dashboard/", "/dashboard/orders/", "/dashboard/catalogue/", "/dashboard/partners/"]
)
def test_an_editor_is_refused_oscars_dashboard(client, editor, path):
    client.force_login(editor)

    assert client.get(path).status_code == 403


def test_an_editor_reaches_wagtails_admin_but_not_djangos(client, editor):
    client.force_login(editor)

    assert client.get("/cms/").status_code == 200
    assert client.get("/django-admin/").status_code == 302


def test_a_contributor_cannot_publish_and_submits_for_review_instead(
    client, contributor, editor, home_fr
):
    client.force_login(contributor)

    _add(client, home_fr, _page_data("Brouillon", "brouillon", **{"action-publish": "1"}))
    page = StandardPage.objects.get(slug="brouillon", locale__language_code="fr")
    assert not page.live

    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.post(edit, _page_data("Brouillon", "brouillon", **{"action-submit": "1"}))
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW_NAME
    task = state.current_task_state.task.specific
    assert [group.name for group in task.groups.all()] == [EDITORS_GROUP]
    assert task.get_actions(page, contributor) == []

    client.force_login(editor)
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.current_task_state.pk],
    )
    response = client.post(approve, {"comment": "Parfait"})

    assert response.status_code in (200, 302)
    page.refresh_from_db()
    state.refresh_from_db()
    assert page.live
    assert state.status == WorkflowState.STATUS_APPROVED


def test_a_scheduled_page_stays_hidden_until_its_time(client, editor, home_fr):
    client.force_login(editor)
    go_live = timezone.localtime() + datetime.timedelta(hours=2)

    _add(
        client,
        home_fr,
        _page_data(
            "Annonce",
            "annonce",
            go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
            **{"action-publish": "1"},
        ),
    )
    page = StandardPage.objects.get(slug="annonce", locale__language_code="fr")
    client.logout()

    assert not page.live
    assert page.latest_revision.approved_go_live_at is not None
    # The scheduler queues the publishing task, the worker runs it: too early.
    assert pages_scheduled_publish.module_path in periodic_enqueue()
    tasks_run()
    assert client.get("/annonce/").status_code == 404

    # Its time comes: the scheduler's next run happens after the chosen moment.
    later = go_live + datetime.timedelta(minutes=5)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert pages_scheduled_publish.module_path in periodic_enqueue()
        tasks_run()

    assert Page.objects.get(pk=page.pk).live
    assert client.get("/annonce/").status_code == 200


@pytest.mark.parametrize("slug", ["catalogue", "basket", "checkout", "cooperatives", "search"])
def test_a_page_cannot_take_an_address_of_the_shop(client, editor, home_fr, slug):
    client.force_login(editor)

    response = _add(client, home_fr, _page_data("Ombre", slug, **{"action-publish": "1"}))

    assert response.status_code == 200
    assert (
        "address of the shop" in response.content.decode() or "adresse" in response.content.decode()
    )
    assert not StandardPage.objects.filter(slug=slug).exists()
