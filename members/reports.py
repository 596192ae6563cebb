"""Aggregates built from members' answers and advice, independent of any view.

Each function returns plain rows (dicts) so that the admin table, the CSV and
the XLSX export show exactly the same figures. None of them reads a personal
field: erasing a member's personal data leaves every figure unchanged.
"""

from decimal import Decimal

from django.db.models import Count, Sum

from .models import (
    AdviceHoursBag,
    AdviceSession,
    Area,
    ExpectedHiring,
    NeedsResponse,
    NeedsResponseArea,
    Sector,
    WorkshopTopicRequest,
)
from .numbers import hours


def _label(choices, value):
    return str(dict(choices.choices).get(value, value))


def needs_by_area_and_county(year=None):
    rows = NeedsResponseArea.objects.all()
    if year:
        rows = rows.filter(response__year=year)
    grouped = rows.values("area", "response__county").annotate(
        responses=Count("response", distinct=True)
    )
    result = [
        {
            "area": _label(Area, row["area"]),
            "county": row["response__county"],
            "responses": row["responses"],
        }
        for row in grouped
    ]
    return sorted(result, key=lambda row: (-row["responses"], row["area"], row["county"]))


def expected_hiring_by_sector(year=None):
    rows = ExpectedHiring.objects.all()
    if year:
        rows = rows.filter(year=year)
    grouped = rows.values("sector", "year").annotate(
        responses=Count("response", distinct=True),
        contracts=Sum("contracts"),
        amount=Sum("estimated_amount"),
    )
    result = [
        {
            "sector": _label(Sector, row["sector"]),
            "year": row["year"],
            "responses": row["responses"],
            "contracts": row["contracts"],
            "amount": row["amount"] or Decimal("0.00"),
        }
        for row in grouped
    ]
    return sorted(result, key=lambda row: (row["year"], -row["contracts"], row["sector"]))


def workshop_topics_wanted(year=None):
    rows = WorkshopTopicRequest.objects.all()
    if year:
        rows = rows.filter(response__year=year)
    grouped = rows.values("topic").annotate(requests=Count("response", distinct=True))
    result = [{"topic": _label(Area, row["topic"]), "requests": row["requests"]} for row in grouped]
    return sorted(result, key=lambda row: (-row["requests"], row["topic"]))


def advice_hours_by_member_and_topic(year=None):
    sessions = AdviceSession.objects.all()
    if year:
        sessions = sessions.filter(date__year=year)
    grouped = sessions.values("request__member__name", "request__topic").annotate(
        requests=Count("request", distinct=True), hours=Sum("hours")
    )
    result = [
        {
            "member": row["request__member__name"],
            "topic": _label(Area, row["request__topic"]),
            "requests": row["requests"],
            "hours": hours(row["hours"]),
        }
        for row in grouped
    ]
    return sorted(result, key=lambda row: (row["member"], row["topic"]))


def hours_bag_summary(year):
    """Hours available, used and left for a year; None when no bag was set for it."""
    bag = AdviceHoursBag.objects.filter(year=year).first()
    sessions = AdviceSession.objects.filter(date__year=year)
    used = hours(sessions.aggregate(total=Sum("hours"))["total"])
    if bag is None:
        return {"year": year, "available": None, "used": used, "left": None}
    available = hours(bag.hours)
    return {"year": year, "available": available, "used": used, "left": available - used}


def report_years():
    """Every year any report has data for, newest first."""
    years = set(NeedsResponse.objects.values_list("year", flat=True))
    years |= set(ExpectedHiring.objects.values_list("year", flat=True))
    years |= set(AdviceHoursBag.objects.values_list("year", flat=True))
    years |= {date.year for date in AdviceSession.objects.dates("date", "year")}
    return sorted(years, reverse=True)
