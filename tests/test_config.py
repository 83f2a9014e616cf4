from pathlib import Path

import pytest

from core.config import ConfigError, Settings, load_settings


def test_defaults_without_environment():
    s = load_settings({})
    assert s == Settings()
    assert s.apps.host == "127.0.0.1"  # loopback unless told otherwise
    assert s.data_dir == Path("data")


def test_values_are_converted_to_their_types():
    s = load_settings({"GENAI_PORT": "9001", "GENAI_LLM_TIMEOUT": "2.5",
                       "GENAI_DATA_DIR": "~/studio", "GENAI_LLM_MODEL": "HuggingFaceTB/SmolLM2-360M"})
    assert s.apps.port == 9001 and isinstance(s.apps.port, int)
    assert s.models.llm_timeout == 2.5
    assert s.data_dir == Path.home() / "studio"
    assert s.models.llm_model == "HuggingFaceTB/SmolLM2-360M"


def test_other_environment_variables_are_ignored():
    assert load_settings({"PATH": "/bin", "GENAIX": "1", "HF_HUB_OFFLINE": "1"}) == Settings()


def test_unknown_key_is_rejected_with_its_name_and_the_known_ones():
    with pytest.raises(ConfigError) as e:
        load_settings({"GENAI_PROT": "8000"})
    assert "GENAI_PROT" in str(e.value) and "GENAI_PORT" in str(e.value)


@pytest.mark.parametrize("key,value", [
    ("GENAI_PORT", "eighty"),
    ("GENAI_PORT", "70000"),
    ("GENAI_PORT", "0"),
    ("GENAI_LLM_TIMEOUT", "soon"),
    ("GENAI_LLM_MAX_NEW_TOKENS", "0"),
    ("GENAI_LLM_DTYPE", "float8"),
    ("GENAI_DEVICE", "tpu"),
    ("GENAI_THREADS", "-1"),
])
def test_bad_values_are_rejected_naming_the_variable(key, value):
    with pytest.raises(ConfigError) as e:
        load_settings({key: value})
    assert key in str(e.value)


def test_settings_are_immutable():
    with pytest.raises(Exception):
        load_settings({}).apps.port = 1


def test_data_dir_fixture_isolates_each_test(data_dir):
    from core.config import get_settings

    assert get_settings().data_dir == data_dir
    assert list(data_dir.iterdir()) == []
