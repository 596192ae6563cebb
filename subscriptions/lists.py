"""The lists people subscribe to, and who receives a given bulletin.

Lists: the network's bulletin, and each working group's news. A subscriber's
groups are stored as the group's page in the default language when there is
one (as members join groups), and always compared by ``translation_key``, so a
Spanish reader of a group's Spanish bulletin is found whatever page they chose.
"""

from django.apps import apps
from django.utils.translation import gettext as _

from wagtail.models import Locale

from publishing.translations import source_page
from publishing.visibility import public_pages

from .models import Subscriber, SubscriberState


def _group_model():
    return apps.get_model("groups", "WorkingGroupPage")


def group_choices(locale=None):
    """(translation key, title) of the public working groups in a language, by title."""
    locale = locale or Locale.get_active()
    groups = public_pages(_group_model().objects.filter(locale=locale)).order_by("title")
    return [(str(key), title) for key, title in groups.values_list("translation_key", "title")]


def groups_for_keys(keys):
    """The group pages to store for these translation keys: default language first."""
    translations = {}
    for page in _group_model().objects.filter(translation_key__in=keys):
        translations.setdefault(page.translation_key, []).append(page)
    return [source_page(pages) for pages in translations.values()]


def chosen_group_keys(subscriber):
    return [str(key) for key in subscriber.groups.values_list("translation_key", flat=True)]


def describe_lists(bulletin, group_keys):
    """The lists in words, as the form in the active language names them (for the consent)."""
    titles = dict(group_choices())
    names = [_("Network bulletin")] if bulletin else []
    return "; ".join(names + sorted(titles.get(key, key) for key in group_keys))


def recipients(bulletin_page):
    """Confirmed subscribers of the bulletin's language and list: a bulletin about a
    working group (its *related working group*) goes to that group's list, any
    other to the network bulletin's."""
    subscribers = Subscriber.objects.filter(
        state=SubscriberState.CONFIRMED, language=bulletin_page.locale.language_code
    )
    if bulletin_page.related_group_id:
        key = bulletin_page.related_group.translation_key
        return subscribers.filter(groups__translation_key=key).distinct()
    return subscribers.filter(bulletin=True)
