import subprocess
import sys


def test_the_core_imports_nothing_from_django() -> None:
    code = (
        "import sys, datetime as dt, motcua.worktime.core as core\n"
        "c = core.WorkCalendar()\n"
        "c.add(core.parse_datetime('2026-02-13 10:00'), core.TimeLimit.parse('5 working days'))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
