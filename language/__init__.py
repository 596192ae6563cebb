"""What the site says in each language, beyond the strings of each app.

``language.grammar`` puts "de"/"d'" and articles before names as Catalan and
Spanish say them; ``language/locale`` supplies or corrects strings that
Django's, Wagtail's and wagtail-localize's own catalogues lack or get wrong
(``language.catalogue`` lists them so that ``make messages`` keeps them); the
app sits first in ``INSTALLED_APPS`` so that its catalogue wins.
"""
