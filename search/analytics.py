"""Search analytics for the admin: top queries and queries with no results."""

import datetime

from django.db.models import Sum
from django.utils import timezone

from .models import QueryRecord, week_start


def weeks(count=8):
    this_week = week_start(timezone.localdate())
    return [this_week - datetime.timedelta(weeks=n) for n in range(count)]


def report(language, week, limit=30):
    records = QueryRecord.objects.filter(week=week)
    if language:
        records = records.filter(language=language)
    top = (
        records.values("query")
        .annotate(total=Sum("searches"), zero=Sum("zero_result_searches"))
        .order_by("-total", "query")[:limit]
    )
    zero = (
        records.filter(zero_result_searches__gt=0)
        .values("query")
        .annotate(total=Sum("zero_result_searches"))
        .order_by("-total", "query")[:limit]
    )
    totals = records.aggregate(searches=Sum("searches"), zero=Sum("zero_result_searches"))
    return {"top": list(top), "zero": list(zero), "totals": totals}
