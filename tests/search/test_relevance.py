"""Relevance as the network's members write: forms of a word, acronyms, phrases, typos.

Each language's rules are checked on pages published the way editors do; the
judged benchmark (``python -m bench.search --relevance``) measures the same on
the demo content.
"""

import pytest

from wagtail.models import PageViewRestriction

from groups.models import WorkingGroupPage
from search import correction
from search.engine import NO_RESULTS_MESSAGE
from search.models import Synonym

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_vocabulary():
    correction.forget()
    yield
    correction.forget()


def search(client, q, lang="ca", **extra):
    return client.get("/api/search/", {"q": q, "lang": lang, **extra}).json()


def titles(client, q, lang="ca"):
    return [hit["title"] for hit in search(client, q, lang)["results"]]


@pytest.mark.parametrize(
    "language,written,searched",
    [
        ("ca", "Les guies del grup", "guia"),
        ("ca", "Una guia del grup", "guies"),
        ("ca", "Les assemblees del grup", "assemblea"),
        ("ca", "L'assemblea del grup", "assemblees"),
        ("es", "Las viviendas del grupo", "vivienda"),
        ("es", "La vivienda del grupo", "viviendas"),
        ("en", "The guides of the group", "guide"),
    ],
)
def test_singular_and_plural_find_each_other(client, publish, language, written, searched):
    page = publish(f"Pàgina {written}", f"{written} formparaula", language=language)
    publish("Una altra", "Res a veure formparaula", language=language)
    assert titles(client, f"{searched} formparaula", language) == [page.title]


def test_an_acronym_is_matched_as_itself_never_as_a_common_word(client, publish):
    acronym = publish("Llei d'ESS", "La llei catalana d'ESS acrparaula.")
    publish("Una altra pàgina", "Això és el que es diu una pàgina acrparaula.")
    assert titles(client, "ESS acrparaula") == [acronym.title]
    assert len(titles(client, "es acrparaula")) == 2  # the common word itself finds both


def test_the_exact_form_ranks_above_a_shared_stem(client, publish):
    publish("Cooperativa formaparaula", "Una cooperativa formaparaula.")
    exact = publish("Cooperatives formaparaula", "Les cooperatives formaparaula.")
    assert titles(client, "cooperatives formaparaula")[0] == exact.title


def test_a_phrase_in_quotes_matches_that_sequence_only(client, publish):
    phrase = publish("Frase fraseparaula", "Les cooperatives de cures fraseparaula.")
    publish("Soltes fraseparaula", "Cures i cooperatives de tota mena fraseparaula.")
    assert set(titles(client, "cooperatives cures fraseparaula")) == {
        phrase.title,
        "Soltes fraseparaula",
    }
    assert titles(client, '"cooperatives de cures" fraseparaula') == [phrase.title]


@pytest.mark.parametrize("query", ['"', '"cooperatives de', 'cures "', '"""', "«cures"])
def test_unbalanced_quotes_still_answer(client, query):
    assert client.get("/api/search/", {"q": query}).status_code == 200


def test_a_synonym_matches_its_phrase_and_each_side_finds_the_other(client, publish):
    Synonym.objects.create(language="ca", expressions="XYZES\nXarxa de Sinonimia Solidaria")
    by_name = publish("Pàgina amb el nom", "La Xarxa de Sinonimia Solidaria fa coses.")
    by_acronym = publish("Pàgina amb la sigla", "La XYZES fa coses.")
    publish("Paraules soltes", "Una xarxa, una sinonimia i una solidaria per separat.")
    assert set(titles(client, "XYZES")) == {by_name.title, by_acronym.title}
    assert set(titles(client, "xarxa de sinonimia solidaria")) == {by_name.title, by_acronym.title}


def test_a_typo_shows_the_corrected_results_and_says_so(client, publish):
    page = publish("Habitatge tipusparaula", "Cooperatives d'habitatge tipusparaula.")
    data = search(client, "tipusparaulla")
    assert data["did_you_mean"] == "tipusparaula"
    assert data["corrected_from"] == "tipusparaulla"
    assert [hit["title"] for hit in data["results"]] == [page.title]
    html = client.get("/ca/search/", {"q": "tipusparaulla"}).content.decode()
    assert "tipusparaula" in html and page.title in html


def test_did_you_mean_never_offers_a_word_of_a_private_page(
    client, publish, django_capture_on_commit_callbacks
):
    page = publish("Privada", "Un mot secret: zumbrellax.")
    assert search(client, "zumbrelax")["did_you_mean"] == "zumbrellax"
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    correction.forget()
    data = search(client, "zumbrelax")
    assert data["did_you_mean"] is None and data["results"] == []


def test_did_you_mean_never_offers_a_word_of_a_draft(client, publish):
    publish("Esborrany", "Un mot d'esborrany: quimbolax.", live=False)
    assert search(client, "quimbolaz")["did_you_mean"] is None
    publish("Publicada", "Un mot publicat: quimbolax.")
    correction.forget()
    assert search(client, "quimbolaz")["did_you_mean"] == "quimbolax"


@pytest.mark.parametrize("query,lang", [("de la", "ca"), ("i", "ca"), ("the of and", "en")])
def test_a_query_of_only_stop_words_gets_a_message_not_the_whole_site(client, query, lang):
    data = search(client, query, lang)
    assert data["total"] == 0 and data["message"]


def test_stop_words_are_not_required(client, publish):
    page = publish("Pàgina stopparaula", "stopparaula")
    assert titles(client, "la stopparaula de les") == [page.title]


def test_a_long_question_finds_the_pages_with_most_of_its_words(client, publish):
    best = publish("Llarga", "llargpaura llargpaurb llargpaurc")
    fewer = publish("Curta", "llargpaura")
    question = "llargpaura i llargpaurb amb llargpaurc sense quimeraqueno"
    data = search(client, question)
    assert [hit["title"] for hit in data["results"]][:2] == [best.title, fewer.title]
    assert data["message"]


def test_a_long_question_whose_words_are_all_found_outside_the_filters_has_no_results(
    client, publish
):
    """Entries with every word exist, so "these have some of the words" would mislead."""
    group = WorkingGroupPage.objects.get(locale__language_code="ca", slug="habitatge-cooperatiu")
    every_word = publish("Totes", "llargfiltra llargfiltrb llargfiltrc")
    one_word = publish("Una", "llargfiltra", parent=group)
    question = "llargfiltra llargfiltrb llargfiltrc"
    assert titles(client, question) == [every_word.title]
    assert [hit["title"] for hit in search(client, "llargfiltra", group=group.pk)["results"]] == [
        one_word.title
    ]

    data = search(client, question, group=group.pk)
    assert data["total"] == 0 and data["results"] == []
    assert data["message"] == str(NO_RESULTS_MESSAGE)


def test_a_page_ranks_above_its_own_attached_file(client, publish, upload):
    document = upload("Annex de prova", "fitxerparaula en el fitxer adjunt")
    page = publish("Pàgina amb annex", "Text de la pàgina.", documents=[document])
    assert titles(client, "fitxerparaula")[:2] == [page.title, document.title]


def test_a_title_holding_more_of_the_query_ranks_first(client, publish):
    publish("Cobparaula", "cobparaulb " + "text de farciment " * 5)
    fuller = publish("Cobparaula i cobparaulb en un títol més llarg", "text de farciment")
    found = titles(client, "cobparaula cobparaulb")
    assert len(found) == 2 and found[0] == fuller.title


def test_a_title_holding_the_typed_words_ranks_above_one_holding_their_synonym(client, publish):
    Synonym.objects.create(language="ca", expressions="SINX\nsinonparaula llarga")
    publish("La SINX al títol", "")
    typed = publish("La sinonparaula llarga al títol", "")
    found = titles(client, "sinonparaula llarga")
    assert len(found) == 2 and found[0] == typed.title


@pytest.mark.parametrize(
    "lang,query,first,other",
    [
        (
            "ca",
            "guia cures",
            "Guia sobre polítiques públiques de l'àmbit de les cures",
            "Polítiques de cures",
        ),
        ("es", "plan de trabajo", "Plan de trabajo 2022", "Publicado el plan de trabajo 2022"),
        ("en", "work plan", "Work plan 2022", "The 2022 work plan is published"),
    ],
)
def test_a_query_naming_a_page_type_puts_that_type_first(client, lang, query, first, other):
    found = titles(client, query, lang)
    assert other in found
    assert found[0] == first


def test_a_typo_found_only_through_a_shared_stem_shows_the_corrected_results(client):
    data = search(client, "assemblia")
    assert data["did_you_mean"] == "assemblea" and data["corrected_from"] == "assemblia"
    assert {hit["title"] for hit in data["results"][:2]} == {
        "Assemblea ordinària de primavera 2022",
        "Assemblea ordinària de tardor 2022",
    }


def test_title_and_summary_weigh_more_than_the_body(client, publish):
    publish("Cos", "pesparaula " + "text de farciment " * 20)
    title = publish("Pesparaula al títol", "text de farciment " * 20)
    assert titles(client, "pesparaula")[0] == title.title


def test_suggestions_never_match_internal_tokens_and_put_the_best_title_first(client, publish):
    publish("Una pàgina amb suggparaula al mig i més paraules", "")
    first = publish("Suggparaula", "")
    suggestions = client.get("/api/search/suggest/", {"q": "suggp"}).json()["suggestions"]
    assert [s["title"] for s in suggestions][0] == first.title
    internal = client.get("/api/search/suggest/", {"q": "xmesslang"}).json()["suggestions"]
    assert internal == []


@pytest.mark.parametrize("per_page", ["7", "1000000", "0", "abc"])
def test_a_per_page_not_offered_is_a_400(client, per_page):
    assert client.get("/api/search/", {"q": "guia", "per_page": per_page}).status_code == 400
    assert client.get("/ca/search/", {"q": "guia", "per_page": per_page}).status_code == 400


@pytest.mark.parametrize("per_page", ["10", "20", "50"])
def test_the_offered_per_page_values_answer(client, per_page):
    data = search(client, "guia", per_page=per_page)
    assert data["per_page"] == int(per_page)
