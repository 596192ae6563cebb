"""RSS and Atom feeds of news, for all the network and per working group.

Built with Django's syndication framework; each language has its own feeds
under its prefix (/ca/, /es/, /en/), with the items of that language only.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Site

from home.models import NetworkSettings
from news import queries
from news.models import NewsPageTag
from news.timezones import EVENT_TIME_ZONE
from taxonomy.tags import prefetch_tag_names, tag_names


def _network_name(request):
    site = Site.find_for_request(request)
    return NetworkSettings.for_site(site).short_name if site else "XMESS"


class NewsFeed(Feed):
    """All the network's news, press releases and bulletins in the current language."""

    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        # One instance per request (see ``feed_view``), so keeping the request is safe.
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, group_id=None):
        return queries.get_visible_group(group_id) if group_id is not None else None

    def title(self, group):
        name = _network_name(self.request)
        if group is not None:
            return _("%(network)s: news of the working group %(group)s") % {
                "network": name,
                "group": group.title,
            }
        return _("%(network)s: news") % {"network": name}

    def description(self, group):
        if group is not None:
            return _("News, press releases and bulletins of the working group %(group)s.") % {
                "group": group.title
            }
        return _("News, press releases and bulletins of the network.")

    def link(self, group):
        if group is not None:
            return group.get_url(self.request)
        index = queries.news_index()
        return index.get_url(self.request) if index else f"/{get_language()}/"

    def items(self, group):
        items = queries.news_items(group).prefetch_related(prefetch_tag_names(NewsPageTag))
        return items[: queries.FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        published = item.first_published_at
        if published and published.astimezone(EVENT_TIME_ZONE).date() == item.date:
            return published
        return datetime.datetime.combine(item.date, datetime.time(9, 0), tzinfo=EVENT_TIME_ZONE)

    def item_updateddate(self, item):
        return max(filter(None, [item.last_published_at, self.item_pubdate(item)]))

    def item_categories(self, item):
        return [item.get_category_display(), *tag_names(item)]


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description


def feed_view(feed_class):
    """A view that builds a fresh feed per request: Feed instances in URLconfs are shared
    between threads, and these keep the request."""

    def view(request, *args, **kwargs):
        return feed_class()(request, *args, **kwargs)

    view.feed_class = feed_class
    return view


news_rss = feed_view(NewsFeed)
news_atom = feed_view(AtomNewsFeed)
