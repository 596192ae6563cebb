"""Admin views for a member's right of access (export) and right to erasure."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from wagtail.log_actions import log

from members.models import Member
from members.privacy import erase_member_personal_data, export_member_csv, export_member_json


def _member_for(request, pk, permission):
    if not request.user.has_perm(f"members.{permission}"):
        raise PermissionDenied
    return get_object_or_404(Member, pk=pk)


@require_GET
def export_member(request, pk, export_format):
    member = _member_for(request, pk, "export_personal_data")
    filename = f"member-{member.pk}-{slugify(member.name)}"
    if export_format == "json":
        response = HttpResponse(
            export_member_json(member), content_type="application/json; charset=utf-8"
        )
    else:
        response = HttpResponse(export_member_csv(member), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{export_format}"'
    response["Cache-Control"] = "no-store"
    log(instance=member, action="members.export_personal_data", user=request.user)
    return response


@require_http_methods(["GET", "POST"])
def erase_member(request, pk):
    member = _member_for(request, pk, "erase_personal_data")
    if request.method == "POST":
        erase_member_personal_data(member)
        log(instance=member, action="members.erase_personal_data", user=request.user)
        messages.success(
            request,
            _("The personal data of “%(member)s” has been erased.") % {"member": member.name},
        )
        return redirect("members_member:edit", member.pk)
    return TemplateResponse(request, "members/admin/erase_confirm.html", {"member": member})
