"""What a working group's public page lists from its own section.

The group's products (guides, policy documents, other pages) are the pages
directly beneath its page: the section is the group's space (a guide's
chapters sit one level further down and belong to their guide). Only live,
public pages are listed, newest first, fetched with one query per page type
(``specific()``), never one per item.
"""

from wagtail.models import Page

from publishing.visibility import public_pages

PRODUCT_LIMIT = 50


def section_products(group_page):
    return (
        public_pages(Page.objects.child_of(group_page))
        .order_by("-first_published_at", "pk")
        .specific()[:PRODUCT_LIMIT]
    )


def section_listings(group_page):
    return {"products": section_products(group_page)}
