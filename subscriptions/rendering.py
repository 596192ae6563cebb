"""A bulletin as an email: rendered once, then addressed to each subscriber.

The HTML part is the bulletin's own email rendering (``<bulletin>/email/``,
``news/bulletin_email.html``) with every site-relative link made absolute; the
plain-text part says the same in words. Each message then gets the
subscriber's own links (preferences, unsubscribe) in a footer and in the
``List-Unsubscribe`` headers of RFC 2369 and RFC 8058.
"""

import re
from io import StringIO
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.handlers.wsgi import WSGIRequest
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from . import emails

RELATIVE_LINK = re.compile(r'(\s(?:href|src)=")(/(?!/))')
# Stand-ins for each subscriber's links in the footer rendered once per bulletin.
MANAGE_SLOT = "__subscriptions_manage_url__"
UNSUBSCRIBE_SLOT = "__subscriptions_unsubscribe_url__"


def base_url_request():
    """A GET request to the public address (``BASE_URL``), for rendering outside a request."""
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    request = WSGIRequest(
        {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": "/",
            "SERVER_NAME": parts.hostname,
            "SERVER_PORT": str(port),
            "HTTP_HOST": parts.netloc,
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": parts.scheme,
            "wsgi.input": StringIO(),
        }
    )
    request.user = AnonymousUser()
    return request


def absolute_links(html):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return RELATIVE_LINK.sub(lambda match: match.group(1) + base + match.group(2), html)


class BulletinEmail:
    """One bulletin page (live, or a draft for a test) ready to address to subscribers."""

    def __init__(self, page, *, test=False):
        self.page = page
        self.test = test
        self.from_email, self.reply_to = emails.sender()
        language = page.locale.language_code
        with translation.override(language):
            request = base_url_request()
            response = page.email(request)
            html = absolute_links(response.render().content.decode())
            context = {**page.get_context(request), "network": emails.network()}
            text = render_to_string("subscriptions/email/bulletin.txt", context)
            footer_context = {
                "network": context["network"],
                "manage_url": MANAGE_SLOT,
                "unsubscribe_url": UNSUBSCRIBE_SLOT,
                "test": test,
            }
            footer_html = render_to_string("subscriptions/email/footer.html", footer_context)
            footer_text = render_to_string("subscriptions/email/footer.txt", footer_context)
            self.subject = _("[Test] %(title)s") % {"title": page.title} if test else page.title
        head, body_end, tail = html.rpartition("</body>")
        self.html = head + footer_html + body_end + tail if body_end else html + footer_html
        self.text = text.strip() + "\n\n" + footer_text.strip() + "\n"
        self.list_id = "{} <bulletin.{}>".format(
            context["network"].short_name, urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname
        )

    def subscribe_url(self):
        """The subscription form in the bulletin's language (the links of a test)."""
        with translation.override(self.page.locale.language_code):
            return emails.absolute_url(reverse("subscriptions:subscribe"))

    def message(self, to, manage_url, unsubscribe_url, connection=None):
        def personal(content):
            return content.replace(MANAGE_SLOT, manage_url).replace(
                UNSUBSCRIBE_SLOT, unsubscribe_url
            )

        headers = {"List-Id": self.list_id}
        if not self.test:
            headers["List-Unsubscribe"] = f"<{unsubscribe_url}>"
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        message = EmailMultiAlternatives(
            self.subject,
            personal(self.text),
            self.from_email,
            [to],
            reply_to=self.reply_to,
            headers=headers,
            connection=connection,
        )
        message.attach_alternative(personal(self.html), "text/html")
        return message

    def for_subscriber(self, subscriber, connection=None):
        return self.message(
            subscriber.email,
            emails.manage_url(subscriber),
            emails.unsubscribe_url(subscriber),
            connection,
        )
