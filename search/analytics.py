"""Search analytics for the admin: top queries and queries with no results."""

import datetime

from django.db import connection
from django.db.models import Sum
from django.utils import timezone

from . import text
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


def record(params, total):
    """Count this search for the analytics (one upsert; never fails the search)."""
    key = text.analytics_key(params.q)
    if not key or params.page != 1:
        return
    week = week_start(timezone.localdate())
    zero = 1 if total == 0 else 0
    table = QueryRecord._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (language, week, query, searches, zero_result_searches) "
            "VALUES (%s, %s, %s, 1, %s) ON CONFLICT (language, week, query) DO UPDATE SET "
            f"searches = {table}.searches + 1, "
            f"zero_result_searches = {table}.zero_result_searches + %s",
            [params.lang, week, key, zero, zero],
        )
