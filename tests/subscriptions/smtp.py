"""A real SMTP server on 127.0.0.1 for the tests and the benchmark (aiosmtpd, in a thread).

It keeps every message it accepts, and answers chosen recipients with a chosen
reply (``refuse``), e.g. ``550`` for a mailbox that does not exist or ``451``
for a temporary failure, a given number of times.
"""

import email
import email.policy
import socket
import threading
from dataclasses import dataclass, field

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Received:
    sender: str
    recipients: list
    raw: bytes

    @property
    def message(self):
        return email.message_from_bytes(self.raw, policy=email.policy.default)


@dataclass
class Mailbox:
    """The aiosmtpd handler: keeps messages (or only counts them, for the benchmark)."""

    keep: bool = True
    received: list = field(default_factory=list)
    count: int = 0
    refusals: dict = field(default_factory=dict)  # address -> [reply, times left]
    lock: threading.Lock = field(default_factory=threading.Lock)

    def refuse(self, address, reply, times=None):
        self.refusals[address.lower()] = [reply, times]

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self.lock:
            refusal = self.refusals.get(address.lower())
            if refusal and refusal[1] != 0:
                if refusal[1] is not None:
                    refusal[1] -= 1
                return refusal[0]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            if self.keep:
                self.received.append(
                    Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.content)
                )
        return "250 Message accepted for delivery"

    def to(self, address):
        return [item for item in self.received if address in item.recipients]

    def clear(self):
        with self.lock:
            self.received.clear()
            self.refusals.clear()
            self.count = 0


class SMTPServer:
    def __init__(self, keep=True):
        self.mailbox = Mailbox(keep=keep)
        self.port = free_port()
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()
