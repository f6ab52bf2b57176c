"""One typed settings object, read from PRESSROOM_<NAME> env vars or pressroom.toml."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)


class Settings(BaseSettings):
    """Every knob of a run. Env vars win over pressroom.toml, which wins over defaults."""

    model_config = SettingsConfigDict(
        env_prefix="PRESSROOM_", toml_file="pressroom.toml", extra="forbid"
    )

    warehouse: Path = Field(Path("warehouse"), description="where Parquet, WARC and DuckDB live")
    seeds: Path = Field(Path("seeds"), description="default inputs of `pressroom ingest`")

    # Batches: a Prefect task per batch, never per article (10-40 ms overhead per task run).
    batch_size: int = Field(500, ge=1)

    # Network. 20 s total is generous for one news page and bounds a stuck server.
    user_agent: str = "pressroom/0.1 (+https://github.com/pressroom; news-archiving bot)"
    request_timeout_s: float = Field(20.0, gt=0, description="total deadline per request")
    max_body_bytes: int = Field(10 * 1024 * 1024, description="news pages are < 2 MB")
    allow_private_hosts: bool = Field(
        False, description="allow private/loopback targets (tests set it for 127.0.0.0/8)"
    )
    refresh: bool = Field(False, description="re-fetch URLs the warehouse already holds")
    # A URL that failed is not retried by the next scheduled run for this long: the
    # host is likely still down, and retrying every few hours adds a fetch_log row each time.
    refetch_failed_after_hours: float = 24.0

    # Sitemaps. Real news sites nest indexes about three deep; big outlets list thousands of
    # archive sitemaps, and a child sitemap unchanged for a month holds nothing new
    # (None for a backfill).
    sitemap_max_depth: int = 3
    sitemap_max_files: int = 200
    sitemap_max_child_age_days: float | None = 30.0

    # Quality filters.
    min_words: int = Field(50, description="shorter texts are teasers, captions or errors")
    target_languages: list[str] = Field(default_factory=list, description="empty = any")

    # Reading time: 230 words/min is the usual adult silent-reading rate for news prose.
    words_per_minute: int = 230

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))
