"""Security headers for every response.

The Content-Security-Policy comes from django-csp (``CONTENT_SECURITY_POLICY``):
no inline script, no inline style, nothing from other hosts on public pages.
Wagtail's admin still needs inline styles and ``data:``/``blob:`` images, so
paths under ``CSP_RELAXED_PATH_PREFIXES`` have the directives named in
``CSP_RELAXED_DIRECTIVES`` replaced, and nothing else does.
"""

from csp.middleware import CSPMiddleware

from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(tuple(settings.CSP_RELAXED_PATH_PREFIXES)):
            parts.replace = {**settings.CSP_RELAXED_DIRECTIVES, **(parts.replace or {})}
        return parts
