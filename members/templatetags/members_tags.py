"""``{% member_area_links %}``: the members' area of the site footer (questionnaire, directory);
``|of_name``: "de l'Ajuntament de Vic", with the article and elision of the active language."""

from django import template

from language.grammar import of_name as of_name_in_active_language
from members.member_area import member_area_pages

register = template.Library()


@register.inclusion_tag("members/includes/member_area_links.html")
def member_area_links():
    return member_area_pages()


@register.filter
def of_name(name):
    return of_name_in_active_language(str(name))
