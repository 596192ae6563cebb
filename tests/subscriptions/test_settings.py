"""Email settings come from the environment (``config.settings.environment.email``)."""

from config.settings import environment


def test_without_email_settings_emails_are_printed_on_the_console(monkeypatch):
    for name in ("EMAIL_URL", "EMAIL_HOST", "EMAIL_BACKEND"):
        monkeypatch.delenv(name, raising=False)
    assert environment.email()["backend"] == environment.CONSOLE_BACKEND


def test_email_url_gives_every_smtp_setting(monkeypatch):
    monkeypatch.delenv("EMAIL_BACKEND", raising=False)
    monkeypatch.setenv("EMAIL_URL", "smtp://butlleti%40xmess.cat:s%C3%A8cret@mail.example:2525")
    config = environment.email()
    assert config == {
        "backend": environment.SMTP_BACKEND,
        "host": "mail.example",
        "port": 2525,
        "user": "butlleti@xmess.cat",
        "password": "sècret",
        "use_tls": True,
        "use_ssl": False,
    }


def test_smtps_means_tls_from_the_start(monkeypatch):
    monkeypatch.setenv("EMAIL_URL", "smtps://mail.example")
    config = environment.email()
    assert (config["port"], config["use_ssl"], config["use_tls"]) == (465, True, False)


def test_email_host_and_its_companions(monkeypatch):
    monkeypatch.delenv("EMAIL_URL", raising=False)
    monkeypatch.delenv("EMAIL_BACKEND", raising=False)
    monkeypatch.setenv("EMAIL_HOST", "smtp.example")
    monkeypatch.setenv("EMAIL_PORT", "587")
    monkeypatch.setenv("EMAIL_USE_TLS", "yes")
    config = environment.email()
    assert (config["backend"], config["host"], config["port"], config["use_tls"]) == (
        environment.SMTP_BACKEND,
        "smtp.example",
        587,
        True,
    )
