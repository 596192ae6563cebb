"""Counters of recent attempts (sign-in, page passwords, password resets, questionnaire answers).

They live in the database, apart from the page cache: a flood of cached pages
cannot evict them, every worker sees the same numbers, and one SQL statement
adds one and returns the new count, so concurrent requests never slip past a
limit (``operations.counters``). Keys are keyed hashes: no account name or
address is stored in clear.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AttemptCounter(models.Model):
    key = models.CharField(_("key"), max_length=128, primary_key=True)
    count = models.PositiveIntegerField(_("count"), default=0)
    #: Unix time at which the window ends and the count starts again from zero.
    expires_at = models.BigIntegerField(_("expires at"), db_index=True)

    class Meta:
        verbose_name = _("attempt counter")
        verbose_name_plural = _("attempt counters")

    def __str__(self):
        return f"{self.key}: {self.count}"
