"""Form widgets of the public listings' filters."""

from django import forms


class FacetSelect(forms.Select):
    """Django's ``Select`` with its options written inline (``listing/widgets/select.html``):
    the same HTML, without one template include per option."""

    template_name = "listing/widgets/select.html"
