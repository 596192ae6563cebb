from django import template

from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def primary_navigation(context):
    """The current language's home and its in-menu children, in tree order (one query)."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return {"home": None, "items": []}
    home = site.root_page.localized
    items = list(
        home.get_children()
        .live()
        .public()
        .in_menu()
        .only("id", "title", "url_path", "path", "locale_id")
    )
    current = context.get("page")
    current_path = getattr(current, "path", "")
    return {
        "home": home,
        "items": [
            {"page": item, "is_current": bool(current_path) and current_path.startswith(item.path)}
            for item in items
        ],
    }
