from django import template

from wagtail.models import Page

from home.templatetags.i18n_links import active_home_page, menu_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def primary_navigation(context):
    """The current language's home and its in-menu children, in tree order.

    Shares its queries with the language links and the home page (once per request).
    """
    request = context["request"]
    current = context.get("page")
    home = active_home_page(request, current if isinstance(current, Page) else None)
    if home is None:
        return {"home": None, "items": []}
    current_path = getattr(current, "path", "")
    return {
        "home": home,
        "items": [
            {"page": item, "is_current": bool(current_path) and current_path.startswith(item.path)}
            for item in menu_pages(home)
        ],
    }


@register.filter
def breadcrumb_ancestors(page):
    """The page's ancestors from its language's home down (the routing found them)."""
    ancestors = getattr(page, "routed_ancestors", None)
    if ancestors is None:
        ancestors = list(page.get_ancestors()[1:])
    return ancestors
