"""What the public may see, and the one announcement that it changed.

The owner of these rules for every reader (search, feeds, the API, the
sitemap, file serving, the page cache):

* ``publishing.visibility``: is a page public; is a file or image public;
  which pages use a file.
* ``publishing.events``: ``public_content_changed``, sent once per committed
  transaction with the pages and files whose public state or content may
  have changed. Search indexes from it and the page cache purges from it.
* ``publishing.search_contract``: what each page type gives the public search
  (its date, topics, group, or its exclusion), declared on the page model.

Imports point here from every app; this app imports only Wagtail and Django.
"""
