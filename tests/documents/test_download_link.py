"""A download link names a file's language when it is not the page's, in the reader's words."""

from types import SimpleNamespace

import pytest

from django.utils import translation

from documents.templatetags.documents_tags import document_download_link


def _file(language):
    return SimpleNamespace(
        title="Guia", file_extension="pdf", language=language, get_file_size=lambda: 2048
    )


@pytest.mark.parametrize(
    "reader, file_language, said",
    [
        ("en", "ca", "in Catalan"),
        ("ca", "es", "en castellà"),
        ("es", "en", "en inglés"),
        # A language the site may add later through settings and catalogues alone is named
        # as Django's own language list spells it in the reader's language.
        ("ca", "fr", "en francès"),
        ("en", "fr", "in French"),
    ],
)
def test_a_file_in_another_language_says_which(reader, file_language, said):
    with translation.override(reader):
        link = document_download_link(_file(file_language))
    assert link["language"] == file_language
    assert link["in_language"] == said


def test_a_file_in_the_readers_language_or_an_unknown_one_says_nothing():
    with translation.override("ca"):
        assert document_download_link(_file("ca"))["in_language"] == ""
        assert document_download_link(_file("xx"))["in_language"] == ""
