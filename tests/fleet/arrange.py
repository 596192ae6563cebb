"""What the fleet tests start from, read (and one collection published) inside the fleet's
own database: ``manage.py shell -c "from tests.fleet.arrange import main; main()"``.

Prints one JSON line: the demo's product awaiting the secretariat's review (its page,
its task, its title, its group's page and a product that page lists), the Catalan
questionnaire, and a collection published for the test's uploads, so that anonymous
visitors may fetch them.
"""

import json

from wagtail.models import Collection, Page

from members.models import NeedsQuestionnairePage
from publishing.models import PublicCollection

IN_REVIEW_SLUG = "exemple-fitxa-cessio-d-us"


def main():
    product = Page.objects.get(slug=IN_REVIEW_SLUG, locale__language_code="ca")
    task_state = product.current_workflow_task_state
    group = product.get_parent()
    listed = group.get_children().live().public().first()
    questionnaire = NeedsQuestionnairePage.objects.live().get(locale__language_code="ca")
    collection = Collection.get_first_root_node().add_child(name="Fleet uploads")
    PublicCollection.objects.create(collection=collection, note="Fleet tests")
    print(
        json.dumps(
            {
                "product_id": product.pk,
                "product_title": product.title,
                "product_path": product.get_url(),
                "task_state_id": task_state.pk,
                "group_path": group.get_url(),
                "listed_title": listed.title,
                "questionnaire_path": questionnaire.get_url(),
                "collection_id": collection.pk,
            }
        )
    )
