"""Permissions on every admin view a coordinator can reach, not only on the menus:
search analytics, the admin API's files and the choosers (operations.admin_scope)."""

import io

import pytest
from PIL import Image as PILImage

from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, PageViewRestriction

from groups.models import WorkingGroupAccess, WorkingGroupPage
from home.models import StandardPage

pytestmark = pytest.mark.django_db

ANALYTICS = "/admin/search-analytics/"
API = "/admin/api/main"


def _login(client, django_user_model, username):
    client.force_login(django_user_model.objects.get(username=username))
    return client


@pytest.fixture
def coordinator(client, django_user_model):
    return _login(client, django_user_model, "coord-habitatge")


def _section(slug):
    return WorkingGroupPage.objects.get(slug=slug, locale__language_code="ca")


def _collection(slug):
    page = _section(slug)
    return WorkingGroupAccess.objects.get(translation_key=page.translation_key).collection


@pytest.fixture
def files():
    """A document and an image in the housing group's collection and in the root collection."""
    Document, Image = get_document_model(), get_image_model()
    own, other = _collection("habitatge-cooperatiu"), Collection.get_first_root_node()
    made = {}
    for name, collection in (("own", own), ("other", other)):
        made[f"{name}_document"] = Document.objects.create(
            title=f"Acta {name} zq", collection=collection, file=ContentFile(b"acta", "acta.txt")
        )
        buffer = io.BytesIO()
        PILImage.new("RGB", (8, 8)).save(buffer, "PNG")
        made[f"{name}_image"] = Image.objects.create(
            title=f"Foto {name} zq", collection=collection, file=ImageFile(buffer, "foto.png")
        )
    return made


def _listed(client, endpoint):
    response = client.get(f"{API}/{endpoint}/?limit=100")
    assert response.status_code == 200
    return {item["id"] for item in response.json()["items"]}


# Search analytics


def _refused(client, path):
    response = client.get(path)
    return response.status_code == 403 and "Sign in" not in response.content.decode()


def test_search_analytics_answer_a_superuser(client, django_user_model):
    response = _login(client, django_user_model, "admin").get(ANALYTICS)
    assert response.status_code == 200
    assert ANALYTICS in client.get("/admin/").content.decode()


def test_a_coordinator_gets_403_on_search_analytics(coordinator):
    assert coordinator.get("/admin/").status_code == 200
    assert ANALYTICS not in coordinator.get("/admin/").content.decode()
    assert _refused(coordinator, ANALYTICS)


def test_the_secretariat_reads_search_analytics_with_their_permission(client, django_user_model):
    secretariat = _login(client, django_user_model, "secretaria")
    group = Group.objects.get(name="Secretaria tècnica")
    group.permissions.remove(Permission.objects.get(codename="view_queryrecord"))
    assert _refused(secretariat, ANALYTICS)
    group.permissions.add(Permission.objects.get(codename="view_queryrecord"))
    assert secretariat.get(ANALYTICS).status_code == 200
    assert ANALYTICS in secretariat.get("/admin/").content.decode()


# The admin API's files


@pytest.mark.parametrize("kind", ["document", "image"])
def test_the_secretariat_sees_every_collection_in_the_admin_api(
    client, django_user_model, files, kind
):
    listed = _listed(_login(client, django_user_model, "secretaria"), f"{kind}s")
    assert {files[f"own_{kind}"].pk, files[f"other_{kind}"].pk} <= listed


@pytest.mark.parametrize("kind", ["document", "image"])
def test_a_coordinator_sees_only_their_groups_collection_in_the_admin_api(coordinator, files, kind):
    listed = _listed(coordinator, f"{kind}s")
    assert files[f"own_{kind}"].pk in listed
    assert files[f"other_{kind}"].pk not in listed
    assert coordinator.get(f"{API}/{kind}s/{files[f'own_{kind}'].pk}/").status_code == 200
    assert coordinator.get(f"{API}/{kind}s/{files[f'other_{kind}'].pk}/").status_code == 404


@pytest.mark.parametrize("kind", ["document", "image"])
def test_a_coordinators_file_chooser_lists_only_their_groups_collection(coordinator, files, kind):
    html = coordinator.get(f"/admin/{kind}s/chooser/results/").content.decode()
    assert files[f"own_{kind}"].title in html
    assert files[f"other_{kind}"].title not in html


# The page chooser


@pytest.fixture
def pages(django_capture_on_commit_callbacks):
    """A draft in each group's section and a private page, indexed for the chooser's search."""
    made = {}
    with django_capture_on_commit_callbacks(execute=True):
        for name, slug in (("own", "habitatge-cooperatiu"), ("other", "politiques-de-cures")):
            draft = StandardPage(
                title=f"Esborrany {name} xq", slug=f"esborrany-{name}-xq", live=False
            )
            _section(slug).add_child(instance=draft)
            made[f"{name}_draft"] = draft
        private = StandardPage(title="Pagina privada xq", slug="pagina-privada-xq")
        _section("politiques-de-cures").add_child(instance=private)
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
        made["private"] = private
        public = Page.objects.get(locale__language_code="ca", slug="qui-som").specific
        public.title = "Qui som xq"
        public.save_revision().publish()
        made["public"] = public
    return made


def _chooser_search(client, query="xq"):
    response = client.get("/admin/choose-page/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_the_secretariat_finds_every_page_in_the_page_chooser(client, django_user_model, pages):
    html = _chooser_search(_login(client, django_user_model, "secretaria"))
    for page in pages.values():
        assert page.title in html


def test_a_coordinators_page_chooser_hides_other_sections_drafts_and_private_pages(
    coordinator, pages
):
    html = _chooser_search(coordinator)
    assert pages["own_draft"].title in html
    assert pages["public"].title in html
    assert pages["other_draft"].title not in html
    assert pages["private"].title not in html
