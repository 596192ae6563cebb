"""Admin views: a subscriber's personal data (export, erasure), and a bulletin's sending."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from wagtail.log_actions import log

from news.models import BulletinPage
from publishing.visibility import is_page_public

from . import sending
from .models import Sending, Subscriber
from .privacy import erase_subscriber, export_subscriber_csv, export_subscriber_json
from .rendering import BulletinEmail
from .tasks import start_sending


def _subscriber_for(request, pk, permission):
    if not request.user.has_perm(f"subscriptions.{permission}"):
        raise PermissionDenied
    return get_object_or_404(Subscriber, pk=pk)


@require_GET
def export_subscriber(request, pk, export_format):
    subscriber = _subscriber_for(request, pk, "export_personal_data")
    if export_format not in ("json", "csv"):
        raise Http404
    if export_format == "json":
        response = HttpResponse(
            export_subscriber_json(subscriber), content_type="application/json; charset=utf-8"
        )
    else:
        response = HttpResponse(
            export_subscriber_csv(subscriber), content_type="text/csv; charset=utf-8"
        )
    filename = f"subscriber-{subscriber.pk}.{export_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    log(instance=subscriber, action="subscriptions.export_personal_data", user=request.user)
    return response


@require_http_methods(["GET", "POST"])
def erase(request, pk):
    subscriber = _subscriber_for(request, pk, "erase_personal_data")
    if request.method == "POST":
        number = subscriber.pk
        erase_subscriber(subscriber)
        messages.success(request, _("Subscriber %(number)s has been erased.") % {"number": number})
        return redirect("subscriptions_subscriber:index")
    return TemplateResponse(
        request, "subscriptions/admin/erase_confirm.html", {"subscriber": subscriber}
    )


def _bulletin_for(request, page_id):
    bulletin = get_object_or_404(BulletinPage, pk=page_id)
    permissions = bulletin.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied
    return bulletin, permissions


@require_http_methods(["GET", "POST"])
def bulletin_sending(request, page_id):
    """*Send test* (to the editor, from the latest draft) and *Send* (to every confirmed
    subscriber of the bulletin's language and list; those who may publish it only)."""
    bulletin, permissions = _bulletin_for(request, page_id)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "test":
            _send_test(request, bulletin)
        elif action == "send":
            if not permissions.can_publish():
                raise PermissionDenied
            try:
                start_sending(bulletin, request.user)
            except sending.NotPublic:
                messages.error(request, _("Only a published, public bulletin can be sent."))
            else:
                messages.success(request, _("The bulletin is being sent."))
        else:
            messages.error(request, _("Choose Send test or Send."))
        return redirect("subscriptions_bulletin_sending", bulletin.pk)
    report = sending.report(bulletin)
    context = {
        "bulletin": bulletin,
        "can_send": permissions.can_publish(),
        "is_public": is_page_public(bulletin),
        "recipients": sending.subscriber_count(bulletin),
        "sending": Sending.objects.filter(bulletin=bulletin).first(),
        "report": report,
        "reasons": [(_(error), count) for error, count in sending.failure_reasons(bulletin)],
    }
    return TemplateResponse(request, "subscriptions/admin/bulletin_sending.html", context)


def _send_test(request, bulletin):
    address = request.user.email
    if not address:
        messages.error(request, _("Your account has no email address to send the test to."))
        return
    draft = bulletin.get_latest_revision_as_object()
    email = BulletinEmail(draft, test=True)
    subscribe_url = email.subscribe_url()
    try:
        email.message(address, subscribe_url, subscribe_url).send()
    except OSError as error:  # smtplib's errors included
        messages.error(request, _("The test could not be sent: %(error)s") % {"error": error})
    else:
        messages.success(request, _("A test has been sent to %(address)s.") % {"address": address})
