"""Who receives the network's bulletins, what they agreed to, and what was sent to them.

* ``Subscriber``: one email address, the language it reads, its lists (the
  network's bulletin and any working groups' news) and its state. Nothing is
  ever sent to an address that has not confirmed (double opt-in).
* ``Consent``: when a subscriber agreed, to which text, in which language.
* ``Delivery``: one row per bulletin page and subscriber. Its unique constraint
  is what makes a bulletin reach a subscriber at most once, whoever presses
  *Send* and however often the worker restarts (``subscriptions.sending``).
* ``Sending``: the state of a bulletin's sending (who started it, when it ended).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SubscriberState(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
    BOUNCED = "bounced", _("Bounced")


def normalise_email(address):
    """Addresses are compared without case, so one person cannot be subscribed twice."""
    return address.strip().lower()


class Subscriber(models.Model):
    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=SubscriberState.choices,
        default=SubscriberState.PENDING,
        db_index=True,
    )
    bulletin = models.BooleanField(_("network bulletin"), default=True)
    # Lazy reference: the groups app is never imported here (see the README's import rule).
    groups = models.ManyToManyField(
        "groups.WorkingGroupPage",
        verbose_name=_("working groups' news"),
        blank=True,
        related_name="+",
    )
    # The secret behind the links in every email (tokens sign it; see subscriptions.tokens).
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("subscribed on"), default=timezone.now, editable=False)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed on"), null=True, blank=True, editable=False)
    unsubscribed_at = models.DateTimeField(
        _("unsubscribed on"), null=True, blank=True, editable=False
    )
    bounced_at = models.DateTimeField(_("bounced on"), null=True, blank=True, editable=False)
    bounce_reason = models.CharField(_("bounce reason"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["email"]
        # Subscribers join through double opt-in only and leave through erasure:
        # nobody adds or deletes one in the admin (subscriptions.permissions).
        default_permissions = ("change", "view")
        permissions = [
            ("export_personal_data", _("Can export a subscriber's personal data")),
            ("erase_personal_data", _("Can erase a subscriber's personal data")),
        ]

    def __str__(self):
        # Never the address: this label is copied into the admin's history log.
        return _("Subscriber %(number)s") % {"number": self.pk}

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    @property
    def is_confirmed(self):
        return self.state == SubscriberState.CONFIRMED

    def lists_label(self):
        names = [str(_("Network bulletin"))] if self.bulletin else []
        names += sorted(group.title for group in self.groups.all())
        return "; ".join(names)

    lists_label.short_description = _("lists")


class Consent(models.Model):
    """What a subscriber agreed to: the exact text shown, in its language, and when."""

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="consents", verbose_name=_("subscriber")
    )
    given_at = models.DateTimeField(_("given on"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed on"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    text = models.TextField(_("text agreed to"))
    lists = models.TextField(_("lists"))

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at"]

    def __str__(self):
        return f"{self.subscriber} · {self.given_at:%Y-%m-%d %H:%M}"


class DeliveryState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Skipped")


class Delivery(models.Model):
    bulletin = models.ForeignKey(
        "news.BulletinPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("bulletin")
    )
    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("subscriber"),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=DeliveryState.choices, default=DeliveryState.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    attempted_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent on"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["bulletin", "subscriber"], name="subscriptions_one_delivery_per_bulletin"
            )
        ]
        indexes = [
            models.Index(
                fields=["bulletin", "state", "next_attempt_at"],
                name="subscriptions_delivery_due",
            )
        ]

    def __str__(self):
        return f"{self.bulletin_id} → {self.subscriber} ({self.state})"


class SendingState(models.TextChoices):
    RUNNING = "running", _("Sending")
    FINISHED = "finished", _("Finished")
    STOPPED = "stopped", _("Stopped: the bulletin is no longer public")


class Sending(models.Model):
    """A bulletin page's sending: started (and resumed) by *Send*, finished by the worker."""

    bulletin = models.OneToOneField(
        "news.BulletinPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("bulletin")
    )
    state = models.CharField(max_length=10, choices=SendingState.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("sending")
        verbose_name_plural = _("sendings")

    def __str__(self):
        return f"{self.bulletin_id} ({self.state})"
