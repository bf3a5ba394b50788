"""Settings read from the environment (SPEC §2). Tests build them directly."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path


def _float(env, name, default):
    raw = env.get(name)
    return float(raw) if raw not in (None, "") else default


def _int(env, name, default):
    raw = env.get(name)
    return int(raw) if raw not in (None, "") else default


def _load_or_create_secret(data_dir: Path) -> str:
    path = data_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    path.write_text(key)
    path.chmod(0o600)
    return key


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    db_path: Path | str  # a SQLite file, or a postgresql:// URL (SPEC §15)
    secret_key: str
    base_url: str = "http://127.0.0.1:8000"
    # False when FORMAGENT_BASE_URL is unset: links shown in answers to a request are then
    # built from that request's own origin (app/web/origin.py); jobs keep base_url.
    base_url_fixed: bool = True
    anthropic_api_key: str | None = None
    anthropic_base_url: str | None = None
    llm: str = "auto"  # auto | claude | local
    claude_model: str = "claude-sonnet-4-6"
    smtp_url: str | None = None
    mail_from: str = "FormAgent <no-reply@formagent.local>"
    dkim_key: str | None = None  # PEM text or a file path (app/services/mail/dkim_sign.py)
    dkim_selector: str | None = None
    workers: int = 2
    scheduler_interval: float = 60.0
    retry_base_seconds: float = 2.0
    llm_requeue_seconds: float = 300.0
    llm_timeout: float = 60.0
    job_lease_seconds: float = 30.0
    trusted_proxies: tuple[str, ...] = ()
    session_hours: float = 24.0
    # Not in SPEC's list but needed to keep tests fast: how often an idle
    # worker polls the jobs table when no in-process signal woke it.
    worker_poll_seconds: float = 1.0
    stuck_handler_seconds: float = 600.0
    login_max_failures: int = 5
    login_window_seconds: float = 900.0
    invite_days: float = 7.0
    bcrypt_rounds: int = 12
    # Live streams: heartbeat comments keep proxies from closing idle streams;
    # the poll picks up events that other server processes wrote.
    sse_heartbeat_seconds: float = 15.0
    events_poll_seconds: float = 1.0
    # SPEC §13: a live stream re-checks its credential at least this often and
    # closes once the session, key or membership behind it is gone.
    credential_recheck_seconds: float = 5.0
    stale_submission_minutes: float = 30.0
    review_window_hours: float = 24.0
    max_body_bytes: int = 1024 * 1024
    # Rows written per transaction by a contacts import: other workspaces' writes wait
    # at most one batch (SPEC §13, ≤ ~100 ms; 500 rows take ≈ 30 ms).
    import_batch_rows: int = 500
    # Recipients a broadcast job delivers per run before it re-queues itself
    # (SPEC §8); it materialises three times as many outbox rows per run.
    broadcast_slice: int = 200
    # SPEC §18: outbound webhooks and Slack messages. Private, loopback and link-local
    # targets are refused unless FORMAGENT_WEBHOOK_ALLOW_PRIVATE=1 (development, tests).
    webhook_allow_private: bool = False
    webhook_timeout: float = 10.0
    # Webhook calls in flight per process beside the job workers (0: the job makes the call).
    webhook_concurrency: int = 32
    # A served process freezes its start-up objects out of the cyclic GC and runs the
    # youngest generation less often (app/main.tune_gc). Off for apps built directly
    # (tests create many apps in one process and must collect each one's garbage).
    gc_tuning: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def llm_engine(self) -> str:
        """The engine actually used: claude when asked for or when a key is set."""
        if self.llm in ("claude", "local"):
            return self.llm
        return "claude" if self.anthropic_api_key else "local"

    @property
    def secure_cookies(self) -> bool:
        return self.base_url.startswith("https://")

    def with_(self, **changes) -> Settings:
        return replace(self, **changes)

    @classmethod
    def from_env(cls, env=None, **overrides) -> Settings:
        env = os.environ if env is None else env
        data_dir = Path(env.get("FORMAGENT_DATA_DIR") or "./data").resolve()
        db = env.get("FORMAGENT_DB") or str(data_dir / "formagent.db")
        secret = env.get("FORMAGENT_SECRET_KEY") or _load_or_create_secret(data_dir)
        proxies = tuple(
            p.strip() for p in env.get("FORMAGENT_TRUSTED_PROXIES", "").split(",") if p.strip()
        )
        values = dict(
            data_dir=data_dir,
            db_path=db if db.startswith(("postgresql://", "postgres://")) else Path(db),
            secret_key=secret,
            base_url=(env.get("FORMAGENT_BASE_URL") or "http://127.0.0.1:8000").rstrip("/"),
            base_url_fixed=bool(env.get("FORMAGENT_BASE_URL")),
            anthropic_api_key=env.get("ANTHROPIC_API_KEY") or None,
            anthropic_base_url=env.get("ANTHROPIC_BASE_URL") or None,
            llm=env.get("FORMAGENT_LLM") or "auto",
            claude_model=env.get("FORMAGENT_CLAUDE_MODEL") or cls.claude_model,
            smtp_url=env.get("FORMAGENT_SMTP_URL") or None,
            mail_from=env.get("FORMAGENT_MAIL_FROM") or cls.mail_from,
            dkim_key=env.get("FORMAGENT_DKIM_KEY") or None,
            dkim_selector=env.get("FORMAGENT_DKIM_SELECTOR") or None,
            workers=_int(env, "FORMAGENT_WORKERS", cls.workers),
            scheduler_interval=_float(env, "FORMAGENT_SCHEDULER_INTERVAL", cls.scheduler_interval),
            retry_base_seconds=_float(env, "FORMAGENT_RETRY_BASE_SECONDS", cls.retry_base_seconds),
            llm_requeue_seconds=_float(
                env, "FORMAGENT_LLM_REQUEUE_SECONDS", cls.llm_requeue_seconds
            ),
            llm_timeout=_float(env, "FORMAGENT_LLM_TIMEOUT", cls.llm_timeout),
            job_lease_seconds=_float(env, "FORMAGENT_JOB_LEASE_SECONDS", cls.job_lease_seconds),
            trusted_proxies=proxies,
            webhook_allow_private=env.get("FORMAGENT_WEBHOOK_ALLOW_PRIVATE", "") in ("1", "true"),
            webhook_timeout=_float(env, "FORMAGENT_WEBHOOK_TIMEOUT", cls.webhook_timeout),
            webhook_concurrency=_int(env, "FORMAGENT_WEBHOOK_CONCURRENCY", cls.webhook_concurrency),
            gc_tuning=env.get("FORMAGENT_GC_TUNING", "1") not in ("0", "false"),
        )
        values.update(overrides)
        return cls(**values)
