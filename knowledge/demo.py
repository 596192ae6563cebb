"""Demo content: the library, the guides and the policy documents the 2022 work plan names.

Only what the plan says is stated as fact (who prepares each guide, the 2nd
edition of the ABC guide planned for 2023, the work on the ESS law); every
other text says it is an example. Each item gets a small PDF made at load time
whose text describes it, so that searching for a word found only in a file
finds the page.
"""

from django.core.files.base import ContentFile
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.models import Locale

from home.demo.builders import ensure_page, paragraphs, translate_page
from home.demo.content import content
from home.demo.covers import ensure_cover
from taxonomy.models import Topic

from .demo_files import build_pdf
from .models import (
    GuideChapterPage,
    GuidePage,
    KnowledgeAttachment,
    LibraryPage,
    PolicyDocumentPage,
    PolicyDocumentRelation,
)

CONTENT = content("knowledge")


def load(context):
    topics = ensure_topics()
    library, _ = ensure_page(
        context.home,
        LibraryPage,
        title=CONTENT["library"]["title"],
        introduction=paragraphs(CONTENT["library"]["introduction"]),
        show_in_menus=True,
        search_description=CONTENT["library"]["introduction"],
    )
    translate_page(library)
    groups = context.shared.get("working_groups", {})
    pages = {}
    for spec in CONTENT["guides"]:
        parent = groups.get(spec["parent"], library)
        pages[spec["key"]] = ensure_guide(parent, spec, topics)
    abc = CONTENT["abc_guide"]
    first = ensure_guide(library, abc["first"], topics)
    edition = abc["second"]["edition"]
    ensure_guide(
        library,
        abc["second"],
        topics,
        edition={
            "edition_number": edition["number"],
            "edition_status": edition["status"],
            "planned_year": edition["planned_year"],
            "previous_edition": first,
        },
    )
    for spec in CONTENT["policy_documents"]:
        pages[spec["key"]] = ensure_policy_document(library, spec, topics)
    # Linked before translating, so that the translations carry the links too.
    for spec in CONTENT["policy_documents"]:
        link_related(pages[spec["key"]], [pages[key] for key in spec["related"]])
    for spec in CONTENT["policy_documents"]:
        translate_page(pages[spec["key"]])
    context.shared["library"] = library


def ensure_topics():
    """The topics the demo uses, in Catalan with their Spanish and English translations."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    topics = {}
    for slug, name in CONTENT["topics"].items():
        topic = Topic.objects.filter(slug=slug, locale=locales["ca"]).first()
        if topic is None:
            topic = Topic.objects.create(name=name.ca, slug=slug, locale=locales["ca"])
        for code in ("es", "en"):
            if (
                code in locales
                and not Topic.objects.filter(
                    translation_key=topic.translation_key, locale=locales[code]
                ).exists()
            ):
                translation = topic.copy_for_translation(locales[code])
                translation.name = name.get(code)
                translation.slug = slugify(name.get(code))
                translation.save()
        topics[slug] = topic
    return topics


def ensure_pdf(spec, language="ca"):
    """A document holding a generated PDF, found again by its title."""
    Document = get_document_model()
    title = spec["title"]
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(
            title=title, language=language, description=spec["paragraphs"][-1][:500]
        )
        filename = f"{slugify(title)[:80]}.pdf"
        document.file.save(filename, ContentFile(build_pdf(title, spec["paragraphs"])), save=False)
        document._set_document_file_metadata()
        document.save()
    return document


def _attach(page, spec, topics):
    page.topics = [topics[slug] for slug in spec["topics"]]
    page.tags.add(*spec["tags"])
    page.attachments.add(KnowledgeAttachment(document=ensure_pdf(spec["pdf"])))


def ensure_guide(parent, spec, topics, edition=None):
    page, created = ensure_page(
        parent,
        GuidePage,
        spec.get("slug"),
        title=spec["title"],
        kind=spec["kind"],
        summary=spec["summary"],
        authors=spec["authors"],
        publication_date=spec.get("date"),
        search_description=spec["summary"],
        introduction=[("paragraph", paragraphs(CONTENT["example_note"]))],
        cover_image=ensure_cover(slugify(spec["title"].ca)),
        **(edition or {}),
    )
    if created:
        _attach(page, spec, topics)
        page.save_revision().publish()
    translate_page(page)
    for chapter_spec in spec.get("chapters", []):
        body = []
        for section in chapter_spec["sections"]:
            body.append(("heading", {"text": section["heading"], "level": "h2"}))
            body.append(("paragraph", paragraphs(section["text"])))
        chapter_page, _ = ensure_page(
            page, GuideChapterPage, title=chapter_spec["title"], body=body
        )
        translate_page(chapter_page)
    return page


def ensure_policy_document(parent, spec, topics):
    page, created = ensure_page(
        parent,
        PolicyDocumentPage,
        title=spec["title"],
        kind=spec["kind"],
        summary=spec["summary"],
        level=spec["level"],
        document_status=spec["status"],
        issuing_body=spec["issuing_body"],
        publication_date=spec["date"],
        search_description=spec["summary"],
        body=[("paragraph", paragraphs(CONTENT["policy_example_note"]))],
    )
    if created:
        _attach(page, spec, topics)
        page.save_revision().publish()
    return page


def link_related(page, targets):
    """Related documents, added once; translations follow through wagtail-localize."""
    if page.related_document_links.exists():
        return
    for target in targets:
        page.related_document_links.add(PolicyDocumentRelation(target=target))
    page.save_revision().publish()
