from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that the admin defaults to the site's language
    and that a 404 outside the language-prefixed site (API, admin, documents, media)
    stays a 404.

    Django redirects any unprefixed 404 to ``/<language>/…`` when that path would
    resolve, and Wagtail's catch-all resolves every path: an API client asking for
    a missing page would get a redirect to an HTML 404 instead of a JSON one.
    """

    unprefixed_roots = ("/api/", "/admin/", "/documents/", "/media/", "/static/", "/i18n/")
    admin_root = "/admin/"

    def process_request(self, request):
        """The admin speaks the site's language (Catalan), not the browser's: Wagtail then
        switches to the editor's own choice (Account › Preferred language) when they made one."""
        if request.path_info.startswith(self.admin_root):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = translation.get_language()
            return
        super().process_request(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """The editor's own choice, for the whole response: Wagtail applies it only while
        the view runs, so a streamed export (CSV) would otherwise be written in Catalan."""
        if not request.path_info.startswith(self.admin_root):
            return None
        user = getattr(request, "user", None)
        profile = getattr(user, "wagtail_userprofile", None) if user is not None else None
        if profile is not None and profile.preferred_language:
            translation.activate(profile.preferred_language)
            request.LANGUAGE_CODE = translation.get_language()
        return None

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(self.unprefixed_roots):
            response.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
