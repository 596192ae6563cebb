"""A form post larger than Django accepts gets its form back, not a bare 400.

Django refuses a urlencoded body over ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (2.5 MB)
the first time anything reads ``request.POST`` (the CSRF check does) and
answers "400 Bad Request" with nothing else. Here such a post is served as the
GET of the same address instead (the empty form: nothing is read, saved or
checked against a password), flagged with ``request.form_too_large`` so that
the view can say why, with status 413. Forms that people fill in put
``maxlength`` on their text fields (the needs questionnaire does), so a browser
never sends that much: only a script or a pasted book gets here.

File uploads (multipart) are left to Django and to Wagtail's upload limits.
"""

from django.conf import settings


def _is_oversized_form(request):
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if request.method != "POST" or limit is None:
        return False
    if request.content_type != "application/x-www-form-urlencoded":
        return False
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > limit
    except ValueError:
        return False


def form_too_large(request):
    return getattr(request, "form_too_large", False)


class OversizedFormMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_oversized_form(request):
            return self.get_response(request)
        request.method = "GET"
        request.form_too_large = True
        response = self.get_response(request)
        if response.status_code == 200:
            response.status_code = 413
        return response
