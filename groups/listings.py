"""What a working group's public page lists from its own section.

The group's products (guides, reports, workshop material) are the pages that
live beneath its page, whatever their type: the section is the group's space.
Only live, public pages are listed, newest first, fetched with one query per
page type (``specific()``), never one per item.
"""

PRODUCT_LIMIT = 50


def section_products(group_page):
    return (
        group_page.get_descendants()
        .live()
        .public()
        .filter(locale_id=group_page.locale_id)
        .order_by("-first_published_at", "pk")
        .specific()[:PRODUCT_LIMIT]
    )


def section_listings(group_page):
    return {"products": section_products(group_page)}
