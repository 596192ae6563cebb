"""Mounted under each language prefix (see config.urls): /ca/subscriptions/, /es/…, /en/…"""

from django.urls import path

from . import views

app_name = "subscriptions"

urlpatterns = [
    path("subscriptions/", views.subscribe, name="subscribe"),
    path("subscriptions/confirm/<str:token>/", views.confirm, name="confirm"),
    path("subscriptions/preferences/<str:token>/", views.preferences, name="preferences"),
    path("subscriptions/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
