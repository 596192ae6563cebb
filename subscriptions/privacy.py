"""A subscriber's right of access and right to erasure (GDPR articles 15 and 17).

Export gathers everything kept about one address: its choices, its consents
and what was sent to it. Erasure deletes the subscriber with all of that, and
the admin's history entries about it, whose labels could name it; the
deliveries' counts of a bulletin then no longer include the address.
"""

import csv
import io
import json

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from wagtail.models import ModelLogEntry

from .models import Subscriber

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """A cell a spreadsheet shows as text: one starting like a formula gets an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export_subscriber_data(subscriber):
    return {
        "subscriber": {
            "email": subscriber.email,
            "language": subscriber.language,
            "state": subscriber.state,
            "network_bulletin": subscriber.bulletin,
            "working_groups": sorted(group.title for group in subscriber.groups.all()),
            "subscribed_on": subscriber.created_at,
            "confirmed_on": subscriber.confirmed_at,
            "unsubscribed_on": subscriber.unsubscribed_at,
            "bounced_on": subscriber.bounced_at,
            "bounce_reason": subscriber.bounce_reason,
        },
        "consents": [
            {
                "given_on": consent.given_at,
                "confirmed_on": consent.confirmed_at,
                "language": consent.language,
                "text": consent.text,
                "lists": consent.lists,
            }
            for consent in subscriber.consents.all()
        ],
        "deliveries": [
            {
                "bulletin": delivery.bulletin.title,
                "state": delivery.state,
                "sent_on": delivery.sent_at,
                "error": delivery.error,
            }
            for delivery in subscriber.deliveries.select_related("bulletin").order_by("pk")
        ],
    }


def export_subscriber_json(subscriber):
    return json.dumps(
        export_subscriber_data(subscriber), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )


def _flatten(prefix, value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flatten(f"{prefix}.{key}" if prefix else key, item)
    elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
        for index, item in enumerate(value, start=1):
            yield from _flatten(f"{prefix}.{index}", item)
    elif isinstance(value, list):
        yield prefix, "; ".join(str(item) for item in value)
    else:
        yield prefix, "" if value is None else value


def export_subscriber_csv(subscriber):
    """The JSON export as ``field, value`` rows, UTF-8 with a BOM, formulas neutralised."""
    output = io.StringIO()
    output.write("\ufeff")
    writer = csv.writer(output)
    writer.writerow(["field", "value"])
    for key, value in _flatten("", json.loads(export_subscriber_json(subscriber))):
        writer.writerow([csv_safe(key), csv_safe(value)])
    return output.getvalue()


@transaction.atomic
def erase_subscriber(subscriber):
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Subscriber),
        object_id=str(subscriber.pk),
    ).delete()
    subscriber.delete()
