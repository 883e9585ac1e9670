"""Adapter discovery through the `klarchat.adapters` entry points of the installed package."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from klarchat.adapters.base import Adapter, AdapterConfigError, ChatMessage, ChatRequest
from klarchat.adapters.echo import EchoAdapter
from klarchat.adapters.offline import OfflineAdapter
from klarchat.adapters.openai_compatible import OpenAICompatibleAdapter
from klarchat.adapters.registry import available_adapters, load_adapter

EXAMPLE = Path(__file__).parents[2] / "examples" / "custom_adapter"


def test_built_in_adapters_are_available() -> None:
    assert {"echo", "offline", "openai"} <= set(available_adapters())
    assert available_adapters() == sorted(available_adapters())


@pytest.mark.parametrize(
    ("name", "options", "adapter_class"),
    [
        ("offline", {}, OfflineAdapter),
        ("echo", {"chunk_chars": 2}, EchoAdapter),
        ("openai", {"model": "llama3.1"}, OpenAICompatibleAdapter),
    ],
)
async def test_load_adapter_constructs_the_class_with_its_options(
    name: str, options: dict[str, object], adapter_class: type[Adapter]
) -> None:
    adapter = load_adapter(name, options)
    try:
        assert isinstance(adapter, adapter_class)
        assert adapter.name == name
    finally:
        await adapter.aclose()


def test_unknown_adapter_lists_the_available_ones() -> None:
    with pytest.raises(AdapterConfigError) as caught:
        load_adapter("gpt-magic", {})

    message = str(caught.value)
    assert "'gpt-magic'" in message
    assert "echo, offline, openai" in message


def test_invalid_options_surface_as_config_errors() -> None:
    with pytest.raises(AdapterConfigError, match=r"^adapters\.echo\.chunk_chars: "):
        load_adapter("echo", {"chunk_chars": 0})


@pytest.fixture
def install_entry_points(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Make a real distribution visible to importlib.metadata, as `pip install` would."""

    def install(distribution: str, **adapters: str) -> None:
        # The folder name is how importlib.metadata tells distributions apart, and a
        # dash would end the name there ("klarchat-x" would shadow klarchat itself).
        dist_info = tmp_path / f"{distribution.replace('-', '_')}-0.1.dist-info"
        dist_info.mkdir()
        (dist_info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {distribution}\nVersion: 0.1\n"
        )
        lines = [f"{name} = {target}" for name, target in adapters.items()]
        (dist_info / "entry_points.txt").write_text(
            "[klarchat.adapters]\n" + "\n".join(lines) + "\n"
        )
        monkeypatch.syspath_prepend(str(tmp_path))

    return install


async def test_example_third_party_adapter_is_discovered(
    install_entry_points: Callable[..., None], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(EXAMPLE))
    install_entry_points("klarchat-shout", shout="klarchat_shout:ShoutAdapter")

    adapter = load_adapter("shout", {"suffix": "!!!"})
    request = ChatRequest(
        (ChatMessage("user", "hallo <PERSON_1>"),), language="de", conversation_id="c"
    )

    assert {"echo", "offline", "openai", "shout"} <= set(available_adapters())
    assert "".join([delta async for delta in adapter.stream(request)]) == "HALLO <PERSON_1> !!!"


def test_example_package_declares_its_entry_point() -> None:
    project = tomllib.loads((EXAMPLE / "pyproject.toml").read_text())

    assert project["project"]["entry-points"]["klarchat.adapters"] == {
        "shout": "klarchat_shout:ShoutAdapter"
    }


def test_entry_point_that_is_not_an_adapter_is_rejected(
    install_entry_points: Callable[..., None],
) -> None:
    install_entry_points("klarchat-broken", notanadapter="json:dumps")

    with pytest.raises(AdapterConfigError, match="not an Adapter subclass"):
        load_adapter("notanadapter", {})


def test_entry_point_that_fails_to_import_is_reported(
    install_entry_points: Callable[..., None],
) -> None:
    install_entry_points("klarchat-missing", missing="klarchat_no_such_module:Adapter")

    with pytest.raises(AdapterConfigError, match=r"could not be imported .*ModuleNotFoundError"):
        load_adapter("missing", {})


def test_two_packages_claiming_one_name_is_an_error(
    install_entry_points: Callable[..., None],
) -> None:
    install_entry_points("klarchat-other-echo", echo="klarchat_other:EchoAdapter")

    with pytest.raises(AdapterConfigError, match="more than one package"):
        load_adapter("echo", {})
