"""The spoken call: espeak-ng's Vietnamese voice, a valid WAV of plausible length, made once per text."""

from __future__ import annotations

import io
import wave
from collections.abc import Iterator
from typing import Any

import pytest

from motcua.centre import services, speech


class CountingEspeak(speech.EspeakVoice):
    """The real espeak-ng voice, counting how often it is asked to synthesise."""

    calls: list[str] = []

    def synthesise(self, text: str) -> bytes:
        CountingEspeak.calls.append(text)
        return super().synthesise(text)


@pytest.fixture
def counting_voice(settings: Any, tmp_path: Any) -> Iterator[type[CountingEspeak]]:
    settings.MEDIA_ROOT = str(tmp_path)
    settings.MOTCUA_CENTRE_VOICE = f"{__name__}.CountingEspeak"
    speech.voice.cache_clear()
    CountingEspeak.calls = []
    yield CountingEspeak
    speech.voice.cache_clear()


def _duration(data: bytes) -> float:
    with wave.open(io.BytesIO(data)) as audio:
        assert audio.getnchannels() == 1 and audio.getsampwidth() == 2
        return audio.getnframes() / audio.getframerate()


def test_the_spoken_call_is_a_valid_wav_of_plausible_length(counting_voice: type[CountingEspeak]) -> None:
    path = speech.spoken(services.call_text(1025, 3))
    seconds = _duration(path.read_bytes())
    assert 2.0 < seconds < 8.0  # a dozen Vietnamese syllables at 140 words per minute


def test_the_same_text_is_synthesised_once(counting_voice: type[CountingEspeak]) -> None:
    text = services.call_text(7, 2)
    first = speech.spoken(text)
    second = speech.spoken(text)
    speech.spoken(services.call_text(8, 2))
    assert first == second
    assert counting_voice.calls == [text, services.call_text(8, 2)]


def test_the_wav_header_carries_the_real_sizes() -> None:
    data = speech.EspeakVoice().synthesise("Xin chào")
    assert int.from_bytes(data[4:8], "little") == len(data) - 8
    assert _duration(data) > 0.3


def test_the_chime_is_a_short_wav() -> None:
    assert 0.5 < _duration(speech.chime()) < 2.0


def test_the_call_text_names_number_and_counter() -> None:
    assert services.call_text(1025, 3) == "Mời công dân có số 1025 đến quầy số 3"
