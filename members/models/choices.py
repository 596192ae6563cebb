"""Controlled vocabularies shared by the directory, the needs questionnaire and advice.

Fixed choices (not editable snippets) because reports group by them: a label
may be reworded, but the stored value must stay the same from year to year.
County names are proper nouns and read the same in every language.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberKind(models.TextChoices):
    TOWN_COUNCIL = "town_council", _("Town council")
    COUNTY_COUNCIL = "county_council", _("County council")
    OTHER = "other", _("Other body")


class MemberStatus(models.TextChoices):
    ONBOARDING = "onboarding", _("Joining (onboarding)")
    ACTIVE = "active", _("Active member")
    LEFT = "left", _("Former member")


class PopulationBand(models.TextChoices):
    UNDER_5K = "under_5k", _("Under 5,000 inhabitants")
    FROM_5K = "5k_20k", _("5,000 to 20,000 inhabitants")
    FROM_20K = "20k_50k", _("20,000 to 50,000 inhabitants")
    FROM_50K = "50k_100k", _("50,000 to 100,000 inhabitants")
    OVER_100K = "over_100k", _("Over 100,000 inhabitants")


# The 42 comarques of Catalonia (Lluçanès since 2023) and Aran, which has its own status.
COUNTY_NAMES = [
    "Alt Camp",
    "Alt Empordà",
    "Alt Penedès",
    "Alt Urgell",
    "Alta Ribagorça",
    "Anoia",
    "Aran",
    "Bages",
    "Baix Camp",
    "Baix Ebre",
    "Baix Empordà",
    "Baix Llobregat",
    "Baix Penedès",
    "Barcelonès",
    "Berguedà",
    "Cerdanya",
    "Conca de Barberà",
    "Garraf",
    "Garrigues",
    "Garrotxa",
    "Gironès",
    "Lluçanès",
    "Maresme",
    "Moianès",
    "Montsià",
    "Noguera",
    "Osona",
    "Pallars Jussà",
    "Pallars Sobirà",
    "Pla d'Urgell",
    "Pla de l'Estany",
    "Priorat",
    "Ribera d'Ebre",
    "Ripollès",
    "Segarra",
    "Segrià",
    "Selva",
    "Solsonès",
    "Tarragonès",
    "Terra Alta",
    "Urgell",
    "Vallès Occidental",
    "Vallès Oriental",
]
COUNTY_CHOICES = [(name, name) for name in COUNTY_NAMES]


class Area(models.TextChoices):
    """Areas of need, advice topics and workshop topics: one vocabulary, so reports line up."""

    COOPERATIVE_HOUSING = "cooperative_housing", _("Cooperative housing")
    CARE_POLICIES = "care_policies", _("Care policies")
    RESPONSIBLE_PROCUREMENT = "responsible_procurement", _("Responsible public procurement")
    DIGITALISATION = "digitalisation", _("Digitalisation and free software")
    CLIMATE = "climate", _("Climate crisis")
    NEXT_GENERATION = "next_generation", _("Next Generation EU funds")
    ESS_LAW = "ess_law", _("Social economy law and regulations")
    ETHICAL_FINANCE = "ethical_finance", _("Ethical and solidarity finance")
    COOPERATIVE_ENTERPRISE = "cooperative_enterprise", _("Support for cooperative enterprise")
    COMMUNICATION = "communication", _("Communication and awareness")
    OTHER = "other", _("Other")


class Sector(models.TextChoices):
    """Sectors in which members expect to contract services (public procurement)."""

    CLEANING = "cleaning", _("Cleaning")
    CATERING = "catering", _("Catering and school canteens")
    MAINTENANCE = "maintenance", _("Gardening and maintenance")
    CARE_SERVICES = "care_services", _("Care and social services")
    CULTURE = "culture", _("Culture, leisure and education")
    COMMUNICATION = "communication", _("Communication and design")
    DIGITAL = "digital", _("IT and digital services")
    CONSULTANCY = "consultancy", _("Training and consultancy")
    ENERGY = "energy", _("Energy")
    MOBILITY = "mobility", _("Mobility and transport")
    OTHER = "other", _("Other")


class AdviceFormat(models.TextChoices):
    ONLINE = "online", _("Online meeting")
    IN_PERSON = "in_person", _("In person")
    WRITTEN = "written", _("In writing (email)")
    MENTORING = "mentoring", _("Mentoring over several sessions")


class AdviceStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    SCHEDULED = "scheduled", _("Scheduled")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DECLINED = "declined", _("Declined")


class ReviewStatus(models.TextChoices):
    NEW = "new", _("New")
    REVIEWED = "reviewed", _("Reviewed")
    FOLLOWED_UP = "followed_up", _("Followed up")
