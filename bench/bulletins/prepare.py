"""Inside the bench's database: N confirmed subscribers, and *Send* pressed on a bulletin.

python -m bench.bulletins.prepare 10000   (run by bench.bulletins.run)
"""

import sys

import django


def main(count):
    django.setup()
    from django.utils import timezone

    from news.models import BulletinPage
    from subscriptions.models import Delivery, Sending, Subscriber, SubscriberState
    from subscriptions.tasks import start_sending

    bulletin = BulletinPage.objects.live().get(locale__language_code="ca")
    Delivery.objects.filter(bulletin=bulletin).delete()
    Sending.objects.filter(bulletin=bulletin).delete()
    Subscriber.objects.filter(email__endswith="@bench.example").delete()
    now = timezone.now()
    Subscriber.objects.bulk_create(
        (
            Subscriber(
                email=f"lector{number}@bench.example",
                language="ca",
                state=SubscriberState.CONFIRMED,
                confirmed_at=now,
            )
            for number in range(count)
        ),
        batch_size=2000,
    )
    start_sending(bulletin, None)  # queued for the worker (the database task backend)


if __name__ == "__main__":
    main(int(sys.argv[1]))
