"""One `Settings` object from `klarchat.toml` plus `KLARCHAT_*` environment variables.

Environment variables win over the file so that secrets and deployment details
(port, provider key) need not be written into a file that is often committed.
Unknown keys are errors, not silently ignored: a typo such as `max_mesage_chars`
would otherwise leave a limit at its default without anyone noticing.
"""

from __future__ import annotations

import ipaddress
import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
)

from klarchat.config_sources import (
    ListFriendlyEnvSource,
    known_keys,
    not_json,
    suggest,
    unknown_variables,
    variable_for,
)
from klarchat.defaults import (
    DEFAULT_BLOCK_NOTICE,
    DEFAULT_DISCLOSURE,
    DEFAULT_GREETING,
    DEFAULT_PURPOSES,
    DEFAULT_SUGGESTIONS,
    DEFAULT_SYSTEM_PROMPT,
)
from klarchat.privacy.categories import Category, CategoryAction

CONFIG_ENV = "KLARCHAT_CONFIG"
DEFAULT_CONFIG_FILE = "klarchat.toml"

Localized = dict[str, str]
# A few short questions under the greeting: more would push the chat out of sight.
Suggestions = Annotated[
    list[Annotated[str, Field(min_length=1, max_length=120)]], Field(max_length=4)
]


class ConfigError(Exception):
    """A configuration problem, worded for the person who edits the file."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Limits(_Section):
    max_frame_bytes: int = Field(16_384, gt=0, le=1_048_576)
    max_message_chars: int = Field(4_000, gt=0)
    messages_per_minute: int = Field(20, gt=0)
    session_idle_minutes: int = Field(30, gt=0)
    # A token resumes at most this long after its session was created, however active.
    resume_hours: int = Field(24, gt=0)
    max_history_messages: int = Field(20, gt=0)
    # Memory is bounded by these: sessions held (each with its pseudonym map and history),
    # open chat sockets in total and per client address, handshakes per address and minute.
    max_sessions: int = Field(20_000, gt=0)
    max_connections: int = Field(10_000, gt=0)
    max_connections_per_address: int = Field(200, gt=0)
    handshakes_per_address_per_minute: int = Field(600, gt=0)


class Privacy(_Section):
    score_threshold: float = Field(0.4, ge=0.0, le=1.0)
    # Found (so never mistaken for a phone number) but left in the text for the assistant.
    pass_through: list[Literal["ORDER_NUMBER", "CUSTOMER_NUMBER"]] = Field(default_factory=list)
    # Per GDPR Art. 9 category: redact the words, block the message, or pass with a note.
    # Categories left out are redacted.
    special_categories: dict[Category, CategoryAction] = Field(default_factory=dict)
    block_notice: Localized = Field(default_factory=lambda: dict(DEFAULT_BLOCK_NOTICE))
    # Worker processes that find personal data, each with its own models (about 150 MB),
    # so that messages are redacted on several cores at once; 0 = one thread in the server.
    # Two: on a 2-core machine the served rate under saturation rises by about two thirds.
    redaction_processes: int = Field(2, ge=0, le=32)


class Retention(_Section):
    """Storage limitation (GDPR Art. 5(1)(e)): how long stored rows live. A fraction of a
    minute is allowed for the interval so that tests can watch the purge run."""

    transcript_days: int = Field(30, gt=0)
    audit_days: int = Field(180, gt=0)
    purge_interval_minutes: float = Field(60, gt=0)


class Assistant(_Section):
    name: str = "Klarchat"
    system_prompt: Localized = Field(default_factory=lambda: dict(DEFAULT_SYSTEM_PROMPT))
    # The first message after consent, and a few questions the visitor can pick.
    greeting: Localized = Field(default_factory=lambda: dict(DEFAULT_GREETING))
    suggestions: dict[str, Suggestions] = Field(
        default_factory=lambda: {k: list(v) for k, v in DEFAULT_SUGGESTIONS.items()}
    )


# A plain string is the same in every language.
Text = str | Localized


class Recipient(_Section):
    name: str = Field(min_length=1)
    role: Text
    country: Text


class ThirdCountryTransfer(_Section):
    country: Text
    safeguard: Localized


class Purpose(_Section):
    required: bool = False
    # "start": in the consent step before the chat; "handoff": asked when the visitor asks
    # for a person (the purpose `human_support`).
    ask: Literal["start", "handoff"] = "start"
    title: Localized
    text: Localized
    # What the consent dialog and the privacy notice state about the purpose (GDPR Art. 13).
    # None means not configured, which `klarchat check-config` names.
    legal_basis: Localized | None = None
    data_categories: dict[str, list[str]] | None = None
    recipients: list[Recipient] | None = None  # [] = nobody beyond the operator
    third_country_transfer: ThirdCountryTransfer | None = None  # None = no transfer
    retention_days: int | None = Field(None, ge=0)  # 0 = not stored


class ContactChannels(_Section):
    """Other ways to reach the site owner, offered when no person can take over. Empty
    fields fall back to the controller's e-mail and phone."""

    email: str = ""
    phone: str = ""
    url: str = ""
    hours: Localized = Field(default_factory=dict)


class Handoff(_Section):
    """Handing a conversation from the AI to a person at the operator console."""

    enabled: bool = True
    # A message containing one of these (case-insensitive, whole words) asks for a person.
    phrases: list[str] = Field(
        default_factory=lambda: [
            "Mitarbeiter",
            "Mitarbeiterin",
            "echter Mensch",
            "echten Menschen",
            "mit einem Menschen",
            "Kundenservice sprechen",
            "human agent",
            "real person",
            "real human",
            "talk to a person",
            "talk to a human",
            "speak to a person",
            "speak to a human",
        ]
    )
    # Sensitive topics go to a person instead of the AI (the seeds' human control in areas
    # such as health or financial advice): a special category found in a message, or a
    # message containing one of the topic words (case-insensitive, whole words).
    offer_for_categories: list[Category] = Field(default_factory=list)
    offer_for_topics: list[str] = Field(default_factory=list)
    # The team the operators belong to, as the visitor reads it: "Anna vom Kundenservice".
    team: Localized = Field(
        default_factory=lambda: {"de": "Kundenservice", "en": "customer service"}
    )
    # With nobody available: keep the conversation waiting for the next operator (true), or
    # only offer the contact channels (false).
    queue_when_unavailable: bool = False
    # Opening hours per weekday ("mon".."sun"), each "HH:MM-HH:MM"; empty = always open.
    opening_hours: dict[
        Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
        list[Annotated[str, Field(pattern=r"^\d{2}:\d{2}-\d{2}:\d{2}$")]],
    ] = Field(default_factory=dict)
    timezone: str = "Europe/Berlin"
    contact: ContactChannels = Field(default_factory=ContactChannels)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, zone: str) -> str:
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {zone!r} (an IANA name such as Europe/Berlin)"
            ) from None
        return zone

    @field_validator("opening_hours")
    @classmethod
    def _spans_in_order(cls, hours: dict[str, list[str]]) -> dict[str, list[str]]:
        for day, spans in hours.items():
            for span in spans:
                start, end = span.split("-")
                if not ("00:00" <= start < end <= "24:00") or start[3:] > "59" or end[3:] > "59":
                    raise ValueError(f"{day}: {span!r} is not a span of the day from start to end")
        return hours


class Operator(_Section):
    """The operator console's accounts and sessions."""

    session_idle_minutes: int = Field(30, gt=0)
    session_hours: int = Field(8, gt=0)
    # Failed logins before a name is locked; each further failure doubles the lock.
    max_failed_logins: int = Field(5, gt=0)
    lockout_seconds: int = Field(30, gt=0)
    # A reveal of an original value needs a reason at least this long.
    min_reveal_reason_chars: int = Field(10, gt=0)
    # Bearer token for /metrics; empty = /metrics is off.
    metrics_token: SecretStr | None = None


class Controller(_Section):
    """The controller (GDPR Art. 4(7), 13(1)(a)): no default, the operator must fill it."""

    name: str = ""
    address: str = ""
    email: str = ""
    phone: str = ""
    website: str = ""


class Dpo(_Section):
    name: str = ""
    email: str = Field(min_length=1)


class SupervisoryAuthority(_Section):
    name: Localized
    url: str = ""


class PurposeWording(_Section):
    """A variant's wording of one purpose; a language left out keeps the base text."""

    title: Localized = Field(default_factory=dict)
    text: Localized = Field(default_factory=dict)


class Variant(_Section):
    """An A/B wording variant of the consent step (`consent.variants.<id>`); each session
    gets one at random, in proportion to `weight`."""

    weight: float = Field(1.0, gt=0)
    disclosure: Localized = Field(default_factory=dict)
    purposes: dict[str, PurposeWording] = Field(default_factory=dict)


class Consent(_Section):
    disclosure: Localized = Field(default_factory=lambda: dict(DEFAULT_DISCLOSURE))
    privacy_url: str = "/privacy"
    # Consent is recorded as expired this many days after it was given.
    max_age_days: int = Field(365, gt=0)
    variants: dict[str, Variant] = Field(default_factory=dict)
    purposes: dict[str, Purpose] = Field(
        default_factory=lambda: {k: Purpose.model_validate(v) for k, v in DEFAULT_PURPOSES.items()}
    )

    @field_validator("purposes")
    @classmethod
    def _needs_ai_chat(cls, purposes: dict[str, Purpose]) -> dict[str, Purpose]:
        if "ai_chat" not in purposes:
            raise ValueError("the purpose 'ai_chat' must exist: it is the consent to chat at all")
        if not purposes["ai_chat"].required:
            raise ValueError("the purpose 'ai_chat' must be required = true")
        asked_late = [pid for pid, p in purposes.items() if p.ask == "handoff" and p.required]
        if asked_late:
            raise ValueError(
                f"purpose {', '.join(asked_late)}: a purpose asked at handoff cannot be required"
            )
        return purposes

    @model_validator(mode="after")
    def _variants_reword_known_purposes(self) -> Consent:
        problems = []
        for vid, variant in self.variants.items():
            plain = vid.replace("-", "a").replace("_", "a")
            if not (len(vid) <= 32 and plain.isascii() and plain.isalnum()):
                problems.append(f"consent.variants.{vid}: an id is 1-32 of A-Z a-z 0-9 _ -")
            problems += [
                f"consent.variants.{vid}.purposes.{pid}: unknown purpose"
                for pid in variant.purposes
                if pid not in self.purposes
            ]
            texts = [(f"disclosure.{lang}", text) for lang, text in variant.disclosure.items()]
            for pid, wording in variant.purposes.items():
                texts += [(f"purposes.{pid}.title.{lang}", t) for lang, t in wording.title.items()]
                texts += [(f"purposes.{pid}.text.{lang}", t) for lang, t in wording.text.items()]
            problems += [
                f"consent.variants.{vid}.{key}: empty text" for key, t in texts if not t.strip()
            ]
        if problems:
            raise ValueError("; ".join(problems))
        return self


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="KLARCHAT_", env_nested_delimiter="__", extra="forbid"
    )

    host: str = "127.0.0.1"
    port: int = Field(8000, ge=0, le=65535)
    data_dir: Path = Path("klarchat-data")
    # Empty: the embedded SQLite file in `data_dir`. "postgresql://user:pass@host/db": one
    # PostgreSQL database that several instances share (README, *Scaling out*).
    database_url: SecretStr | None = None
    public_url: str = ""
    allowed_origins: list[str] = Field(default_factory=list)
    access_log: bool = False
    # Addresses (or networks) of reverse proxies whose X-Forwarded-For/-Proto are believed.
    # Empty: no proxy is trusted, so no visitor can forge their address for the limits.
    trusted_proxies: list[str] = Field(default_factory=list)
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    # "json": one JSON object per line (time, level, logger, message) for log collectors.
    log_format: Literal["text", "json"] = "text"
    # Per-message deflate on the chat sockets: small JSON frames gain little from it, and
    # each socket then holds about 45 KB of compression state.
    websocket_compression: bool = False
    languages: list[Literal["de", "en"]] = Field(default_factory=lambda: ["de", "en"], min_length=1)
    default_language: Literal["de", "en"] = "de"
    secret: SecretStr | None = None
    adapter: str = "offline"
    adapters: dict[str, dict[str, Any]] = Field(default_factory=dict)
    limits: Limits = Field(default_factory=Limits)
    privacy: Privacy = Field(default_factory=Privacy)
    assistant: Assistant = Field(default_factory=Assistant)
    consent: Consent = Field(default_factory=Consent)
    retention: Retention = Field(default_factory=Retention)
    controller: Controller = Field(default_factory=Controller)
    handoff: Handoff = Field(default_factory=Handoff)
    operator: Operator = Field(default_factory=Operator)
    dpo: Dpo | None = None
    supervisory_authority: SupervisoryAuthority | None = None

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """The file's values arrive as init kwargs; the environment must override them.
        Lists in the environment may be comma-separated as well as JSON."""
        return ListFriendlyEnvSource(settings_cls), init_settings

    @field_validator("trusted_proxies")
    @classmethod
    def _proxy_addresses(cls, value: list[str]) -> list[str]:
        """An address or network per entry: a typo must not silently trust nobody (or all)."""
        for entry in value:
            try:
                ipaddress.ip_network(entry, strict=False)
            except ValueError:
                raise ValueError(
                    f"trusted_proxies: {entry!r} is not an IP address or network"
                ) from None
        return value

    @field_validator("database_url")
    @classmethod
    def _postgres_url(cls, value: SecretStr | None) -> SecretStr | None:
        """Only PostgreSQL is a shared store; the URL itself is never echoed (password)."""
        if value is None or not value.get_secret_value().strip():
            return None
        scheme = value.get_secret_value().split("://", 1)[0].lower()
        if scheme not in ("postgresql", "postgres"):
            raise ValueError(
                f"database_url: the scheme must be postgresql:// (got {scheme[:20]!r}); "
                "leave it empty for the embedded SQLite file in data_dir"
            )
        return value

    @model_validator(mode="after")
    def _texts_for_every_language(self) -> Settings:
        """A visitor must never see an empty consent text because a translation is missing."""
        missing = []
        for lang in self.languages:
            if lang not in self.consent.disclosure:
                missing.append(f"consent.disclosure.{lang}")
            if lang not in self.assistant.system_prompt:
                missing.append(f"assistant.system_prompt.{lang}")
            if not self.assistant.greeting.get(lang, "").strip():
                missing.append(f"assistant.greeting.{lang}")
            if lang not in self.privacy.block_notice:
                missing.append(f"privacy.block_notice.{lang}")
            for pid, purpose in self.consent.purposes.items():
                missing += [
                    f"consent.purposes.{pid}.{part}.{lang}"
                    for part, texts in (("title", purpose.title), ("text", purpose.text))
                    if not texts.get(lang, "").strip()
                ]
        if self.default_language not in self.languages:
            missing.append(f"languages (must include default_language '{self.default_language}')")
        if missing:
            raise ValueError("missing text for: " + ", ".join(missing))
        return self

    @model_validator(mode="after")
    def _notice_is_translated_and_true(self) -> Settings:
        """What the notice states must exist in every language and match what the server does."""
        missing: list[str] = []

        def need(key: str, texts: Text) -> None:
            if isinstance(texts, dict):
                missing.extend(
                    f"{key}.{lang}" for lang in self.languages if not texts.get(lang, "").strip()
                )

        for pid, purpose in self.consent.purposes.items():
            key = f"consent.purposes.{pid}"
            if purpose.legal_basis is not None:
                need(f"{key}.legal_basis", purpose.legal_basis)
            if purpose.data_categories is not None:
                missing += [
                    f"{key}.data_categories.{lang}"
                    for lang in self.languages
                    if not purpose.data_categories.get(lang)
                ]
            for index, recipient in enumerate(purpose.recipients or []):
                need(f"{key}.recipients.{index}.role", recipient.role)
                need(f"{key}.recipients.{index}.country", recipient.country)
            if purpose.third_country_transfer is not None:
                transfer = purpose.third_country_transfer
                need(f"{key}.third_country_transfer.country", transfer.country)
                need(f"{key}.third_country_transfer.safeguard", transfer.safeguard)
        if self.supervisory_authority is not None:
            need("supervisory_authority.name", self.supervisory_authority.name)
        if missing:
            raise ValueError("missing text for: " + ", ".join(missing))
        # The notice must promise the period the purge enforces: the embedded purposes (or a
        # transcript purpose without the key) take it from `retention.transcript_days`.
        transcript = self.consent.purposes.get("transcript")
        if transcript is not None:
            if transcript.retention_days is None or "purposes" not in self.consent.model_fields_set:
                transcript.retention_days = self.retention.transcript_days
            elif transcript.retention_days != self.retention.transcript_days:
                raise ValueError(
                    f"consent.purposes.transcript.retention_days ({transcript.retention_days}) "
                    f"differs from retention.transcript_days ({self.retention.transcript_days}): "
                    "the privacy notice would promise another period than the purge keeps"
                )
        return self

    def origins(self) -> set[str]:
        """The websocket Origins accepted: the configured ones plus the server's own pages."""
        own = {
            f"http://{self.host}:{self.port}",
            f"http://localhost:{self.port}",
            f"http://127.0.0.1:{self.port}",
        }
        if self.public_url:
            own.add(self.public_url.rstrip("/"))
        return own | {origin.rstrip("/") for origin in self.allowed_origins}

    def handoff_offered(self) -> bool:
        """A person can be asked for only if handoff is on and there is a consent to ask
        (the purpose `human_support`)."""
        return self.handoff.enabled and "human_support" in self.consent.purposes

    def adapter_options(self) -> dict[str, Any]:
        return self.adapters.get(self.adapter, {})


def config_path(explicit: str | Path | None, env: dict[str, str]) -> Path | None:
    """The file to read: `--config`, else `$KLARCHAT_CONFIG`, else `./klarchat.toml` if present."""
    if explicit:
        return Path(explicit)
    if env.get(CONFIG_ENV):
        return Path(env[CONFIG_ENV])
    default = Path(DEFAULT_CONFIG_FILE)
    return default if default.exists() else None


def load_settings(path: Path | None, env: Mapping[str, str] | None = None) -> Settings:
    """Read and validate; raise `ConfigError` naming the source, the key and the reason."""
    env = os.environ if env is None else env
    data: dict[str, Any] = {}
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{path}: file not found") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    problems = unknown_variables(env, Settings)
    if problems:
        raise ConfigError("\n".join(problems))
    try:
        return Settings(**data)
    except SettingsError as exc:  # a table-valued variable that is not JSON
        field = re.search(r'field "([^"]+)"', str(exc))
        raise ConfigError(not_json(field.group(1) if field else "", env)) from None
    except ValidationError as exc:
        raise ConfigError(describe_validation_error(exc, path, env)) from None


def describe_validation_error(
    exc: ValidationError, path: Path | None, env: Mapping[str, str]
) -> str:
    """One line per problem, naming the variable or the file and key, without echoing
    the offending value (it may be a secret; only a misspelt choice is compared)."""
    lines = []
    for error in exc.errors(include_url=False):
        loc = list(error["loc"])
        key = ".".join(str(part) for part in loc) or "(root)"
        variable = variable_for(loc, env)
        where = f"environment variable {variable}, key" if variable else _in_file(path)
        lines.append(f"  {where} {key}: {_reason(error, loc)}")
    return f"{exc.error_count()} invalid setting(s)\n" + "\n".join(lines)


def _in_file(path: Path | None) -> str:
    return f"{path}, key" if path is not None else "built-in defaults, key"


def _reason(error: Any, loc: list[Any]) -> str:
    """pydantic's reason, with the name probably meant for a misspelt key."""
    if error["type"] == "extra_forbidden":
        return "unknown key" + suggest(str(loc[-1]), known_keys(Settings, loc))
    if error["type"] in ("literal_error", "enum") and isinstance(error.get("input"), str):
        # One of a few fixed words, never a secret, so the near miss may be compared.
        expected = re.findall(r"'([^']*)'", error.get("ctx", {}).get("expected", ""))
        return str(error["msg"]) + suggest(error["input"], expected)
    return str(error["msg"])
