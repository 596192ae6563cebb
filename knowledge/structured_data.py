"""schema.org JSON-LD for guides and policy documents, so search engines and aggregators
read their metadata (https://schema.org/CreativeWork, /Legislation, /Report).

Made from the page's open-data record (``knowledge.metadata``), so the JSON-LD,
the library's CSV and its JSON always say the same. Laws, decrees and
regulations are ``Legislation``; reports are ``Report``; guides, campaign and
workshop material, position papers, model clauses and procurement guidance are
``CreativeWork``.

The ``<script type="application/ld+json">`` that carries it is a data block:
browsers never execute it, so the strict Content-Security-Policy
(``script-src 'self'``) does not need to allow it.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

LEGISLATION_KINDS = {"law", "decree", "regulation"}
REPORT_KINDS = {"report"}

LEGAL_FORCE = {
    "in_force": "https://schema.org/InForce",
    "repealed": "https://schema.org/NotInForce",
    "superseded": "https://schema.org/NotInForce",
}

# Characters that would end the script element or start markup inside it.
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def schema_type(record):
    if record["kind"] in LEGISLATION_KINDS:
        return "Legislation"
    if record["kind"] in REPORT_KINDS:
        return "Report"
    return "CreativeWork"


def _without_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def structured_data(record, publisher_name):
    """The JSON-LD object for one knowledge page's record."""
    data = {
        "@context": "https://schema.org",
        "@type": schema_type(record),
        "@id": record["url"],
        "url": record["url"],
        "name": record["title"],
        "description": record["summary"],
        "inLanguage": record["language"],
        "genre": record["kind_label"],
        "datePublished": record["publication_date"],
        "dateModified": record["last_published_at"],
        "creditText": record["authors"],
        "version": record["edition"],
        "creativeWorkStatus": record["status_label"],
        "license": record["licence"],
        "keywords": record["tags"],
        "about": [{"@type": "DefinedTerm", "name": topic} for topic in record["topics"]],
        "publisher": {"@type": "Organization", "name": publisher_name},
        "sourceOrganization": record["working_group"]
        and {
            "@type": "Organization",
            "name": record["working_group"],
            "url": record["working_group_url"],
        },
        "associatedMedia": [
            _without_empty(
                {
                    "@type": "MediaObject",
                    "name": file["title"],
                    "contentUrl": file["url"],
                    "contentSize": file["size"],
                    "encodingFormat": file["format"],
                    "inLanguage": file["language"],
                }
            )
            for file in record["files"]
        ],
        "workTranslation": [
            {"@type": schema_type(record), "url": t["url"], "inLanguage": t["language"]}
            for t in record["translations"]
        ],
    }
    if data["@type"] == "Legislation":
        data.update(
            legislationType=record["kind_label"],
            legislationJurisdiction=record["level_label"],
            legislationDate=record["adopted_on"],
            legislationLegalForce=LEGAL_FORCE.get(record["status"]),
            legislationPassedBy=record["issuing_body"]
            and {"@type": "Organization", "name": record["issuing_body"]},
            sameAs=record["official_url"],
        )
    elif record["official_url"]:
        data["sameAs"] = record["official_url"]
    return _without_empty(data)


def json_ld_script(data):
    """``<script type="application/ld+json">…</script>``, safe to put in a page."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
