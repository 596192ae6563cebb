"""``{% member_area_links %}``: the members' area of the site footer (questionnaire, directory);
``|of_name``: "de l'Ajuntament de Vic", with the article and elision of the active language."""

from django import template

from language.grammar import of_name as of_name_in_active_language
from members.member_area import member_area_pages

register = template.Library()


@register.inclusion_tag("members/includes/member_area_links.html", takes_context=True)
def member_area_links(context):
    # The request lets ``pageurl`` reuse the request's site data (no cache lookup per link).
    return {**member_area_pages(), "request": context.get("request")}


@register.filter
def of_name(name):
    return of_name_in_active_language(str(name))
