"""The demo covers: drawn by the project, the same on every load, shown as responsive images."""

import pytest

from groups.models import WorkingGroupPage
from home.demo.covers import draw_cover
from knowledge.models import GuidePage
from news.models import NewsPage


def test_a_cover_is_the_same_picture_for_the_same_key_and_another_for_another():
    assert draw_cover("habitatge") == draw_cover("habitatge")
    assert draw_cover("habitatge") != draw_cover("cures")


@pytest.mark.django_db
def test_every_demo_guide_group_and_news_item_has_a_cover():
    for model, field in ((GuidePage, "cover_image"), (WorkingGroupPage, "cover_image")):
        assert not model.objects.live().filter(**{f"{field}__isnull": True}).exists(), model
    assert not NewsPage.objects.live().exact_type(NewsPage).filter(image__isnull=True).exists()


@pytest.mark.django_db
def test_a_guide_page_shows_its_cover_in_several_widths_and_formats(client):
    guide = GuidePage.objects.live().filter(locale__language_code="ca").first()
    html = client.get(guide.url).content.decode()
    picture = html.split("<picture>")[1].split("</picture>")[0]
    assert 'type="image/webp"' in picture and "srcset=" in picture and 'sizes="' in picture
    assert 'alt=""' in picture  # decorative: the title and summary carry the meaning


@pytest.mark.django_db
def test_the_groups_list_shows_each_group_cover_from_a_srcset(client):
    group = WorkingGroupPage.objects.live().filter(locale__language_code="ca").first()
    html = client.get(group.get_parent().url).content.decode()
    assert html.count('class="card__image"') >= 1 and "srcset=" in html
