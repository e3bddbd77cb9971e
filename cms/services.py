"""Writes for the editorial site: languages, editors' groups and the review workflow."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms.models import CampaignPage, HomePage
from cms.selectors import progress_cache_key
from marketplace.pagecache.tags import CAMPAIGN_PROGRESS, tags_invalidate

EDITORS_GROUP = "Campaign editors"
CONTRIBUTORS_GROUP = "Campaign contributors"
WORKFLOW_NAME = "Editorial review"
REVIEW_TASK_NAME = "Review by a campaign editor"

# Editors may do everything to pages but delete whole trees; contributors write drafts and submit
# them for review.
EDITOR_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock")
CONTRIBUTOR_PAGE_PERMISSIONS = ("add", "change")
EDITOR_MEDIA_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
}
CONTRIBUTOR_MEDIA_PERMISSIONS = {
    "wagtailimages": ("add_image", "choose_image"),
    "wagtaildocs": ("add_document", "choose_document"),
}


def locales_ensure() -> list[Locale]:
    """One Wagtail locale per language of the site."""
    return [
        Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES
    ]


def _page_permission(kind: str) -> Permission:
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Page), codename=f"{kind}_page"
    )


def _group_with(
    *, name: str, page_kinds: tuple[str, ...], media: dict[str, tuple[str, ...]], root: Page
) -> Group:
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for kind in page_kinds:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=_page_permission(kind)
        )
    collection = Collection.get_first_root_node()
    for app_label, codenames in media.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                ),
            )
    return group


def _root_page_ensure() -> Page:
    """Wagtail's tree root (its migrations make one; `manage.py flush` removes it)."""
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(
            instance=Page(
                title="Root",
                slug="root",
                content_type=ContentType.objects.get_for_model(Page),
                locale=Locale.get_default(),
            )
        )
    return root


@transaction.atomic
def editorial_setup_ensure() -> None:
    """Locales, the campaign editors and contributors groups, and the review workflow on every
    page. Safe to run again; runs after each `migrate`."""
    locales_ensure()
    root = _root_page_ensure()
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    editors = _group_with(
        name=EDITORS_GROUP,
        page_kinds=EDITOR_PAGE_PERMISSIONS,
        media=EDITOR_MEDIA_PERMISSIONS,
        root=root,
    )
    editors.permissions.add(
        Permission.objects.get(
            content_type__app_label="simple_translation", codename="submit_translation"
        )
    )
    _group_with(
        name=CONTRIBUTORS_GROUP,
        page_kinds=CONTRIBUTOR_PAGE_PERMISSIONS,
        media=CONTRIBUTOR_MEDIA_PERMISSIONS,
        root=root,
    )

    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK_NAME)
    task.groups.add(editors)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task.task_ptr, defaults={"sort_order": 0}
    )
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    # Wagtail's own "Moderators approval" workflow would otherwise stay offered to editors.
    Workflow.objects.exclude(pk=workflow.pk).filter(workflow_pages__isnull=True).update(
        active=False
    )


def home_translations_ensure() -> list[Page]:
    """The site's home page in every language, published (translated from the default home,
    whose texts editors then replace)."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        # Migrations make the home page and its site; `manage.py flush` removes them.
        home = _root_page_ensure().add_child(
            instance=HomePage(title="Souk Tadamoun", slug="home", locale=Locale.get_default())
        )
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    home = site.root_page.specific
    homes = [home]
    for locale in locales_ensure():
        if locale.pk == home.locale_id:
            continue
        translated = home.get_translation_or_none(locale)
        if translated is None:
            translated = home.copy_for_translation(locale)
            translated.save_revision().publish()
        homes.append(translated.specific)
    return homes


def campaign_progress_forget() -> None:
    """Have current campaigns recount their progress at their next view: called when an order's
    parcels change (a card payment confirmed, cash collected, a parcel cancelled), so that a
    buyer who comes back to the campaign sees what they gave."""
    import datetime

    from django.core.cache import cache
    from django.utils import timezone

    recent = timezone.localdate() - datetime.timedelta(days=1)
    current = CampaignPage.objects.filter(end_date__gte=recent).values_list(
        "pk", "latest_revision_id"
    )
    cache.delete_many(
        [progress_cache_key(campaign_id=pk, revision_id=revision) for pk, revision in current]
    )
    tags_invalidate([CAMPAIGN_PROGRESS])
