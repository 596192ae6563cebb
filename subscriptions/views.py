"""The public side: subscribe, confirm, change one's choices, unsubscribe.

Pages reached through a signed link hold personal data (an address, its
choices): none of them is ever cached.
"""

from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from members import guard

from . import subscribing, tokens
from .forms import CONSENT_TEXT, PreferencesForm, SubscribeForm
from .lists import chosen_group_keys
from .models import SubscriberState

TOO_MANY = _(
    "Many forms have been sent from your connection in the last hour. What you typed is "
    "still here: please send it again later, or write to the technical secretariat."
)


def _render(request, template, context, status=200):
    return TemplateResponse(request, f"subscriptions/{template}.html", context, status=status)


def _invalid_link(request):
    return _render(request, "invalid_link", {}, status=404)


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    status = 200
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if not form.is_valid():
            status = 400
        elif guard.is_trapped(form):
            return redirect(reverse("subscriptions:subscribe") + "?sent=1")  # kept nowhere
        elif not guard.reserve_answer(request):
            form.add_error(None, TOO_MANY)
            status = 429
        else:
            subscribing.request_subscription(form.cleaned_data, CONSENT_TEXT)
            # Post/redirect/get; the address in the form is never put in a URL.
            return redirect(reverse("subscriptions:subscribe") + "?sent=1")
    else:
        form = SubscribeForm()
    sent = request.method == "GET" and request.GET.get("sent") == "1"
    return _render(request, "subscribe", {"form": form, "sent": sent}, status)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """A button, not the link itself, confirms: mail scanners follow links, people press."""
    subscriber = tokens.subscriber_to_confirm(token)
    if subscriber is None:
        return _invalid_link(request)
    if request.method == "POST":
        if not subscribing.confirm(subscriber):
            return _invalid_link(request)
        return HttpResponseRedirect(request.path)
    if subscriber.state not in (SubscriberState.CONFIRMED, SubscriberState.PENDING):
        return _invalid_link(request)
    context = {"subscriber": subscriber, "manage_token": tokens.manage_token(subscriber)}
    return _render(request, "confirm", context)


@never_cache
@require_http_methods(["GET", "POST"])
def preferences(request, token):
    subscriber = tokens.subscriber_to_manage(token)
    if subscriber is None:
        return _invalid_link(request)
    status = 200
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            subscribing.change_preferences(subscriber, form.cleaned_data, CONSENT_TEXT)
            return HttpResponseRedirect(request.path + "?saved=1")
        status = 400
    else:
        form = PreferencesForm(
            initial={
                "language": subscriber.language,
                "bulletin": subscriber.bulletin,
                "groups": chosen_group_keys(subscriber),
            }
        )
    context = {
        "form": form,
        "subscriber": subscriber,
        "token": token,
        "saved": request.method == "GET" and request.GET.get("saved") == "1",
        "consent_text": CONSENT_TEXT,
    }
    return _render(request, "preferences", context, status)


# Exempt from CSRF on purpose: RFC 8058 one-click unsubscribe is a POST sent by the
# reader's mail provider, with no cookie and no form token. What authorises it is
# the signed token in the address, which only the subscriber's inbox holds, and
# the worst a forged request could do is stop the emails of the person it names.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    subscriber = tokens.subscriber_to_manage(token)
    if subscriber is None:
        return _invalid_link(request)
    if request.method == "POST":
        # Answered here, never redirected: RFC 8058 clients do not follow redirects.
        subscribing.unsubscribe(subscriber)
    context = {"subscriber": subscriber, "token": token, "done": request.method == "POST"}
    return _render(request, "unsubscribe", context)
