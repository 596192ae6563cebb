"""Elasticsearch: one index per language, each with its own analysers.

Index ``<prefix>search_ca`` analyses text as Catalan (elision, stop words,
Snowball stemmer), ``…_es`` as Spanish and ``…_en`` as English, so a language's
entries never share (or overwrite) another language's index or analysis. Every
analyser folds accents (``asciifolding``) and the punt volat (a char filter
turning "l·l"/"l.l" into "ll"); the search analyser adds the editors'
synonyms for its language (``synonym_graph``). Queries are built as
``multi_match`` clauses from the already-parsed words, never with
``query_string``, so no user input is interpreted as Lucene syntax.

As on the databases, each text also has an ``exact`` sub-field (folded, not
stemmed: protected words such as ESS, exact forms and ``match_phrase``) and a
``*_forms`` field holding the forms ``search.text`` computes (each word's
lemma key and stem), so singular and plural meet exactly as on SQLite and
PostgreSQL. Languages and their analysers come from ``settings.SEARCH_LANGUAGES``.
"""

from django.conf import settings

from .. import text
from .base import BackendUnavailable, Match, SearchBackend

MAX_HITS = 10_000
TEXTS = ("title", "lead", "body", "files")
BOOSTS = {"title": 10, "lead": 5, "body": 2, "files": 0.5}
FIELDS = [f"{name}^{BOOSTS[name]}" for name in TEXTS]
EXACT_FIELDS = [f"{name}.exact^{BOOSTS[name]}" for name in TEXTS]
FORM_FIELDS = [f"{name}_forms^{BOOSTS[name] * 0.6:g}" for name in TEXTS]


def index_name(prefix, language):
    return f"{prefix}search_{language}"


def synonym_rules(expression_sets):
    """Solr-format rules ("a, b c") from sets of expressions, normalised like the text."""
    rules = []
    for expressions in expression_sets:
        forms = [" ".join(text.words(expr)) for expr in expressions]
        forms = list(dict.fromkeys(form for form in forms if form))
        if len(forms) > 1:
            rules.append(", ".join(forms))
    return rules


def index_settings(language, expression_sets=()):
    """Settings and mappings of one language's index."""
    spec = text.language_setting(language, "elasticsearch")
    index_filters = ["lowercase", "asciifolding"]
    if spec["elision"]:
        index_filters.insert(0, "xmess_elision")
    index_filters += ["xmess_stop", "xmess_stemmer"]
    search_filters = index_filters[:-2] + ["xmess_synonyms"] + index_filters[-2:]
    filters = {
        "xmess_stop": {"type": "stop", "stopwords": spec["stop"]},
        "xmess_stemmer": {"type": "stemmer", "language": spec["stemmer"]},
        "xmess_synonyms": {
            "type": "synonym_graph",
            "synonyms": synonym_rules(expression_sets),
            "lenient": True,
        },
        "xmess_prefix": {"type": "edge_ngram", "min_gram": 2, "max_gram": 20},
    }
    if spec["elision"]:
        filters["xmess_elision"] = {
            "type": "elision",
            "articles": spec["elision"],
            "articles_case": True,
        }
    char_filters = {
        "xmess_punt_volat": {
            "type": "pattern_replace",
            "pattern": "(?i)l[·.•∙⋅]l|ŀl",
            "replacement": "ll",
        }
    }
    exact = {"type": "text", "analyzer": "xmess_folded"}
    text_field = {
        "type": "text",
        "analyzer": "xmess_text",
        "search_analyzer": "xmess_search",
        "fields": {"exact": exact},
    }
    forms_field = {"type": "text", "analyzer": "whitespace"}
    return {
        "settings": {
            "analysis": {
                "char_filter": char_filters,
                "filter": filters,
                "analyzer": {
                    "xmess_text": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "char_filter": ["xmess_punt_volat"],
                        "filter": index_filters,
                    },
                    "xmess_search": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "char_filter": ["xmess_punt_volat"],
                        "filter": search_filters,
                    },
                    "xmess_prefix": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "char_filter": ["xmess_punt_volat"],
                        "filter": ["lowercase", "asciifolding", "xmess_prefix"],
                    },
                    "xmess_folded": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "char_filter": ["xmess_punt_volat"],
                        "filter": ["lowercase", "asciifolding"],
                    },
                },
            }
        },
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "entry_id": {"type": "long"},
                "language": {"type": "keyword"},
                "title": {
                    **text_field,
                    "fields": {
                        "exact": exact,
                        "prefix": {
                            "type": "text",
                            "analyzer": "xmess_prefix",
                            "search_analyzer": "xmess_folded",
                        },
                    },
                },
                "lead": text_field,
                "body": text_field,
                "files": text_field,
                **{f"{name}_forms": forms_field for name in TEXTS},
            },
        },
    }


def term_clause(term, languages):
    """One ``search.query.Term``: a phrase or protected word on the exact fields, else
    the word through the language analysers or any of its forms."""
    if term.phrase or term.exact:
        return {
            "multi_match": {
                "query": " ".join(term.words),
                "fields": EXACT_FIELDS,
                "type": "phrase",
            }
        }
    word = term.words[0]
    forms = dict.fromkeys(
        form for code in languages for form in text.query_forms((term.raw or term.words)[0], code)
    )
    return {
        "bool": {
            "should": [
                {"multi_match": {"query": word, "fields": EXACT_FIELDS}},
                {"multi_match": {"query": word, "fields": FIELDS}},
                {"multi_match": {"query": " ".join(forms), "fields": FORM_FIELDS}},
            ],
            "minimum_should_match": 1,
        }
    }


def query_body(query, languages):
    """The bool query for a ``ParsedQuery``: every group must match (any, for a long
    query's fallback), any of its terms."""
    clauses = [
        {
            "bool": {
                "should": [term_clause(term, languages) for term in group],
                "minimum_should_match": 1,
            }
        }
        for group in query.groups
    ]
    if query.match_any:
        return {"bool": {"should": clauses, "minimum_should_match": 1}}
    return {"bool": {"must": clauses}}


def suggest_body(words):
    return {
        "bool": {
            "must": [{"match": {"title.prefix": {"query": " ".join(words), "operator": "and"}}}]
        }
    }


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, client, prefix, languages):
        self.client = client
        self.prefix = prefix
        self.languages = languages

    @classmethod
    def from_settings(cls):
        from elasticsearch import Elasticsearch

        client = Elasticsearch(
            settings.SEARCH_ELASTICSEARCH_URL,
            request_timeout=getattr(settings, "SEARCH_ELASTICSEARCH_TIMEOUT", 10),
        )
        languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        return cls(client, settings.SEARCH_ELASTICSEARCH_INDEX_PREFIX, languages)

    def index_for(self, language):
        fallback = settings.LANGUAGE_CODE
        return index_name(self.prefix, language if language in self.languages else fallback)

    def _synonyms(self, language):
        from ..models import Synonym

        return [s.expression_list for s in Synonym.objects.filter(language=language)]

    def ensure_indexes(self):
        for language in self.languages:
            name = self.index_for(language)
            if not self.client.indices.exists(index=name):
                body = index_settings(language, self._synonyms(language))
                self.client.indices.create(
                    index=name, settings=body["settings"], mappings=body["mappings"]
                )

    def update_synonyms(self, language):
        """Push a language's synonyms into its index (closed briefly, as ES requires)."""
        name = self.index_for(language)
        if not self.client.indices.exists(index=name):
            return
        analysis = index_settings(language, self._synonyms(language))["settings"]["analysis"]
        self.client.indices.close(index=name)
        try:
            self.client.indices.put_settings(index=name, settings={"analysis": analysis})
        finally:
            self.client.indices.open(index=name)

    def bulk_actions(self, texts):
        for item in texts:
            yield {
                "_op_type": "index",
                "_index": self.index_for(item.language),
                "_id": str(item.entry_id),
                "_source": {
                    "entry_id": item.entry_id,
                    "language": item.language,
                    "title": item.title,
                    "lead": item.lead,
                    "body": item.body,
                    "files": item.files,
                    **{
                        f"{name}_forms": " ".join(text.forms(getattr(item, name), item.language))
                        for name in TEXTS
                    },
                },
            }

    def index(self, texts):
        from elasticsearch.helpers import bulk

        texts = list(texts)
        if not texts:
            return
        self.ensure_indexes()
        # An entry whose language changed must leave its former index.
        self.remove([item.entry_id for item in texts])
        bulk(self.client, self.bulk_actions(texts), refresh="wait_for")

    def remove(self, entry_ids):
        entry_ids = [str(i) for i in entry_ids]
        if not entry_ids:
            return
        indexes = ",".join(self.index_for(language) for language in self.languages)
        self.client.delete_by_query(
            index=indexes,
            query={"ids": {"values": entry_ids}},
            ignore_unavailable=True,
            refresh=True,
        )

    def clear(self):
        for language in self.languages:
            self.client.indices.delete(index=self.index_for(language), ignore_unavailable=True)
        self.ensure_indexes()

    def _hits(self, languages, query, size):
        from elasticsearch import ApiError, TransportError

        indexes = ",".join(self.index_for(language) for language in languages)
        try:
            response = self.client.search(
                index=indexes,
                query=query,
                size=size,
                source=False,
                ignore_unavailable=True,
            )
        except (ApiError, TransportError) as error:
            raise BackendUnavailable(str(error)) from error
        return [(int(hit["_id"]), hit["_score"]) for hit in response["hits"]["hits"]]

    def match(self, query, languages):
        # Elasticsearch ranks; the database keeps deciding visibility and facets.
        scores = dict(self._hits(languages, query_body(query, languages), MAX_HITS))
        if not scores:
            return Match(where=("1 = 0", []), scores={})
        marks = ", ".join(["%s"] * len(scores))
        return Match(where=(f"search_searchentry.id IN ({marks})", list(scores)), scores=scores)

    def suggest(self, words, languages, queryset, limit):
        order = [entry_id for entry_id, _score in self._hits(languages, suggest_body(words), 50)]
        rows = {
            row[0]: row
            for row in queryset.filter(id__in=order).values_list("id", "title", "url", "language")
        }
        return [rows[i] for i in order if i in rows][:limit]
