"""The spoken call on the screens, synthesised offline and cached per text; the voice is pluggable.

The default voice runs espeak-ng's Vietnamese voice (Debian package `espeak-ng`), never an
online service: FQM's users reported that announcements needing the internet fail. Another
voice is any class with `name` and `synthesise(text) -> bytes` (a WAV file), named by the
setting MOTCUA_CENTRE_VOICE ("package.module.ClassName").
"""

from __future__ import annotations

import functools
import hashlib
import io
import math
import shutil
import struct
import subprocess
import threading
import wave
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


class SpeechUnavailable(RuntimeError):
    pass


class Voice(Protocol):
    name: str

    def synthesise(self, text: str) -> bytes: ...


class EspeakVoice:
    """espeak-ng, Northern Vietnamese, a little slower than its default for a hall with echo."""

    name = "espeak-ng-vi"

    def __init__(self, voice: str = "vi", words_per_minute: int = 140) -> None:
        self.voice = voice
        self.words_per_minute = words_per_minute

    def synthesise(self, text: str) -> bytes:
        program = shutil.which("espeak-ng")
        if program is None:
            raise SpeechUnavailable("espeak-ng is not installed (apt-get install espeak-ng).")
        result = subprocess.run(
            [program, "-v", self.voice, "-s", str(self.words_per_minute), "--stdout", text],
            capture_output=True,
            timeout=30,
            check=False,
        )
        if result.returncode != 0 or not result.stdout.startswith(b"RIFF"):
            raise SpeechUnavailable(f"espeak-ng failed: {result.stderr.decode(errors='replace')[:200]}")
        return _fix_stream_header(result.stdout)


def _fix_stream_header(data: bytes) -> bytes:
    """espeak-ng writing to a pipe leaves the RIFF sizes unknown (0xFFFFFFFF): set the real ones."""
    if len(data) < 44 or data[36:40] != b"data":
        return data
    fixed = bytearray(data)
    struct.pack_into("<I", fixed, 4, len(data) - 8)
    struct.pack_into("<I", fixed, 40, len(data) - 44)
    return bytes(fixed)


@functools.cache
def voice() -> Voice:
    path = getattr(settings, "MOTCUA_CENTRE_VOICE", "motcua.centre.speech.EspeakVoice")
    voice_class = import_string(path)
    return voice_class()  # type: ignore[no-any-return]


_lock = threading.Lock()


def cache_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / "centre" / "speech"


def spoken(text: str) -> Path:
    """The WAV file of `text` in the configured voice: synthesised the first time, then read from disk."""
    current = voice()
    key = hashlib.sha256(f"{current.name}\n{text}".encode()).hexdigest()
    path = cache_dir() / f"{key}.wav"
    if path.exists():
        return path
    with _lock:
        if not path.exists():
            data = current.synthesise(text)
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".tmp")
            temporary.write_bytes(data)
            temporary.replace(path)  # atomic: another process never reads half a file
    return path


@functools.cache
def chime() -> bytes:
    """A two-tone chime (E5, C5) as a small WAV, made with the standard library."""
    rate = 22050
    frames = bytearray()
    for frequency, seconds in ((659.25, 0.35), (523.25, 0.55)):
        count = int(rate * seconds)
        for i in range(count):
            fade = min(1.0, (count - i) / (rate * 0.2))
            sample = 0.4 * fade * math.sin(2 * math.pi * frequency * i / rate)
            frames += struct.pack("<h", int(sample * 32767))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))
    return buffer.getvalue()
