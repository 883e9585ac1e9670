"""Every fact the compliance documents state, gathered once from the settings and the code.

Nothing here is written by hand that the code already knows: the purposes come from the
same `Policy.notice` as the privacy notice, the kinds of data removed from the redactor's
label list, the file names from the modules that write the files, the versions from the
installed package and the policy hash. A template only prints what this module found.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from klarchat.compliance.gaps import Gap, gaps
from klarchat.consent.checkpoints import CHECKPOINT_DIR
from klarchat.consent.policy import LOCAL_ADAPTERS, LOOPBACK_HOSTS, localized, provider_host
from klarchat.consent.signing import SIGNING_KEY_FILE
from klarchat.consent.variants import Variants
from klarchat.defaults import LEGAL_BASIS_AUDIT, LEGAL_BASIS_PROOF
from klarchat.identity import SECRET_FILE
from klarchat.privacy.categories import Category, CategoryAction
from klarchat.privacy.labels import CATEGORY_LABELS, ENTITY_LABELS
from klarchat.sessions import EXPIRY_EVERY_SECONDS
from klarchat.store.factory import database_path

if TYPE_CHECKING:
    from datetime import date

    from klarchat.config import Controller, Dpo, Limits, Retention, Settings
    from klarchat.config import Operator as OperatorSettings


@dataclass(frozen=True, slots=True)
class Provider:
    """Who answers, and where the redacted messages go to be answered."""

    adapter: str
    model: str
    host: str | None
    scheme: str | None
    # "server": answered inside Klarchat (offline, echo); "machine": a model server on
    # this machine; "remote": another host; "unknown": a third-party adapter.
    where: str

    @property
    def is_ai_model(self) -> bool:
        """The built-in local adapters match keywords or echo; every other one runs a model."""
        return self.adapter not in LOCAL_ADAPTERS

    @property
    def leaves_server(self) -> bool:
        return self.where in ("remote", "unknown")


@dataclass(frozen=True, slots=True)
class Database:
    """Where the store is: the SQLite file in the data directory, or the PostgreSQL database
    of `database_url`. The URL is never kept here: it may hold a password, and the documents
    name only the kind of database."""

    engine: Literal["sqlite", "postgresql"]
    file: str | None
    """The SQLite file; None for PostgreSQL."""

    @property
    def shared(self) -> bool:
        """Several instances of the site share this database (and its events)."""
        return self.engine == "postgresql"


@dataclass(frozen=True, slots=True)
class SpecialCategory:
    label: str
    action: CategoryAction


@dataclass(frozen=True, slots=True)
class Facts:
    lang: str
    version: str
    assistant: str
    legal: dict[str, str]
    listen: str
    policy_version: str
    # Each wording variant's own policy version, by variant id (`consent.variants`).
    variant_versions: dict[str, str]
    generated: date
    controller: Controller
    dpo: Dpo | None
    authority: str
    purposes: list[dict[str, Any]]
    provider: Provider
    removed: list[str]
    passed_through: list[str]
    special_categories: list[SpecialCategory]
    score_threshold: float
    retention: Retention
    limits: Limits
    session_expiry_seconds: int
    """How often the leader instance deletes sessions past their idle or resume window."""
    consent_max_age_days: int
    data_dir: str
    database: Database
    files: dict[str, str]
    """Files in the data directory; the database file only when the store is SQLite."""
    secret_configured: bool
    origins: list[str]
    public_url: str
    access_log: bool
    log_level: str
    gaps: dict[str, Gap]
    operator: OperatorSettings
    handoff: bool
    """Whether visitors can ask for a person at the operator console."""

    @property
    def ai_chat(self) -> dict[str, Any]:
        return next(p for p in self.purposes if p["id"] == "ai_chat")

    def purpose(self, pid: str) -> dict[str, Any] | None:
        return next((p for p in self.purposes if p["id"] == pid), None)

    @property
    def transfers(self) -> list[dict[str, Any]]:
        """Each purpose's transfer to a third country, with the purpose's title."""
        return [{"purpose": p["title"], **p["transfer"]} for p in self.purposes if p["transfer"]]

    def notes(self) -> list[SpecialCategory]:
        """The special categories that reach the provider as written."""
        return [c for c in self.special_categories if c.action is CategoryAction.NOTE]


def installed_version() -> str:
    """The version of the installed package, which is the code the documents describe."""
    try:
        return version("klarchat")
    except PackageNotFoundError:
        return "unknown (not installed)"


def provider(settings: Settings) -> Provider:
    host = provider_host(settings)
    if settings.adapter in LOCAL_ADAPTERS:
        where = "server"
    elif host is None:
        where = "unknown"
    else:
        where = "machine" if host in LOOPBACK_HOSTS else "remote"
    options = settings.adapter_options()
    scheme = None
    if host is not None:
        from klarchat.adapters.openai_compatible import DEFAULT_BASE_URL

        scheme = urlsplit(str(options.get("base_url") or DEFAULT_BASE_URL)).scheme
    return Provider(
        adapter=settings.adapter,
        model=str(options.get("model", "")),
        host=host,
        scheme=scheme,
        where=where,
    )


def database(settings: Settings) -> Database:
    if settings.database_url is None:
        return Database("sqlite", str(database_path(settings)))
    return Database("postgresql", None)


def gather(settings: Settings, lang: str, today: date) -> Facts:
    passed = set(settings.privacy.pass_through)
    variants = Variants(settings)
    authority = settings.supervisory_authority
    data_dir = settings.data_dir
    store = database(settings)
    files = {
        "secret": str(data_dir / SECRET_FILE),
        "signing_key": str(data_dir / SIGNING_KEY_FILE),
        "checkpoints": str(data_dir / CHECKPOINT_DIR),
    }
    if store.file is not None:
        files["database"] = store.file
    return Facts(
        lang=lang,
        version=installed_version(),
        assistant=settings.assistant.name,
        legal={"proof": LEGAL_BASIS_PROOF[lang], "audit": LEGAL_BASIS_AUDIT[lang]},
        listen=f"{settings.host}:{settings.port}",
        policy_version=variants.base.version,
        variant_versions={vid: variants.policy(vid).version for vid in variants.ids},
        generated=today,
        controller=settings.controller,
        dpo=settings.dpo,
        authority="" if authority is None else localized(authority.name, lang),
        purposes=variants.base.notice(lang),
        provider=provider(settings),
        removed=[names[lang] for kind, names in ENTITY_LABELS.items() if kind not in passed],
        passed_through=[ENTITY_LABELS[kind][lang] for kind in sorted(passed)],
        special_categories=[
            SpecialCategory(
                CATEGORY_LABELS[category][lang],
                settings.privacy.special_categories.get(category, CategoryAction.REDACT),
            )
            for category in Category
        ],
        score_threshold=settings.privacy.score_threshold,
        retention=settings.retention,
        limits=settings.limits,
        session_expiry_seconds=EXPIRY_EVERY_SECONDS,
        consent_max_age_days=settings.consent.max_age_days,
        data_dir=str(data_dir),
        database=store,
        files=files,
        secret_configured=settings.secret is not None,
        origins=sorted(origin.rstrip("/") for origin in settings.allowed_origins),
        public_url=settings.public_url,
        access_log=settings.access_log,
        log_level=settings.log_level,
        gaps=gaps(settings),
        operator=settings.operator,
        handoff=settings.handoff_offered(),
    )
