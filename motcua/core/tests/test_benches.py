"""Every bench accepts --json and then prints one JSON object with its figures, reference and ratio."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

BENCH = Path(settings.BASE_DIR) / "bench"


@pytest.mark.parametrize("script", sorted(p.name for p in BENCH.glob("*.py")))
def test_every_bench_offers_json_output(script: str) -> None:
    result = subprocess.run([sys.executable, str(BENCH / script), "--help"], capture_output=True, text=True,
                            timeout=60, cwd=settings.BASE_DIR)
    assert result.returncode == 0, result.stderr
    assert "--json" in result.stdout


def test_the_worktime_bench_prints_one_object_with_both_rates_and_their_ratio() -> None:
    result = subprocess.run([sys.executable, str(BENCH / "worktime.py"), "--json", "--cases", "2000",
                             "--repeats", "1"], capture_output=True, text=True, timeout=120,
                            cwd=settings.BASE_DIR)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    ours, numpy_rate = report["due_times_per_s"], report["reference"]["numpy_busday_offset_per_s"]
    assert report["cases"] == 2000 and ours > 0 and numpy_rate > 0
    assert report["ratio"] == pytest.approx(ours / numpy_rate, rel=0.01)


def test_no_bench_is_named_like_a_standard_module() -> None:
    # bench/ is the first entry of sys.path for every bench: a bench/http.py would replace the
    # standard library's http (and break Django, which imports http.cookies) in all of them.
    assert {p.stem for p in BENCH.glob("*.py")} & set(sys.stdlib_module_names) == set()
