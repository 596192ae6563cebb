from django.middleware.locale import LocaleMiddleware


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 outside the language-prefixed
    site (API, admin, documents, media) stays a 404.

    Django redirects any unprefixed 404 to ``/<language>/…`` when that path would
    resolve, and Wagtail's catch-all resolves every path: an API client asking for
    a missing page would get a redirect to an HTML 404 instead of a JSON one.
    """

    unprefixed_roots = ("/api/", "/admin/", "/documents/", "/media/", "/static/", "/i18n/")

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(self.unprefixed_roots):
            response.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
