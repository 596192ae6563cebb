"""The secretariat sees and manages bulletin subscribers (``subscriptions.permissions``)."""

from home.demo.builders import ensure_group
from members.permissions import SECRETARIAT_GROUP

from .permissions import grant_secretariat_permissions


def load(context):
    grant_secretariat_permissions(ensure_group(SECRETARIAT_GROUP))
