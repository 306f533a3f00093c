"""Fixtures: vaults built in tmp_path, and the real CLI through CliRunner."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, settings

from interviewkit.cli import main

# A shell that starts the suite in the background may have Ctrl-C ignored, and an
# ignored signal stays ignored in every child: the `serve` processes the tests stop
# with Ctrl-C would never see it. A caught one is reset to the default in children.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

# Property tests: the same examples on every run (derived from each test's code), so
# a run of the suite passes or fails on the code alone, and no time limits, which a
# shared machine cannot keep. `--hypothesis-profile=explore` draws fresh examples
# each time (README, "Development").
settings.register_profile(
    "repeatable", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "explore",
    derandomize=False,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("repeatable")  # `--hypothesis-profile NAME` is applied after this

PROJECT = Path(__file__).resolve().parent.parent
SAMPLE_VAULT = PROJECT / "sample-vault"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-golden",
        action="store_true",
        help="Rewrite the golden files and generated docs from the current output, then check.",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare a whole output with tests/golden/NAME (rewritten first with --regen-golden)."""
    regen = request.config.getoption("--regen-golden")

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if regen:
            path.write_bytes(text.encode("utf-8"))
        expected = path.read_bytes().decode("utf-8")
        assert text == expected, f"{name} differs; after an intended change: pytest --regen-golden"

    return check


@pytest.fixture
def generated(request: pytest.FixtureRequest) -> Callable[[Path, str, str], None]:
    """Compare the part of a project file between `<!-- MARK` and `<!-- /MARK -->` with
    `text` (rewritten first with --regen-golden), whitespace collapsed."""
    regen = request.config.getoption("--regen-golden")

    def check(path: Path, mark: str, text: str) -> None:
        content = path.read_text(encoding="utf-8")
        begin = content.index(f"<!-- {mark}")
        begin = content.index("-->", begin) + len("-->\n")
        end = content.index(f"<!-- /{mark} -->", begin)
        if regen:
            path.write_text(content[:begin] + text + content[end:], encoding="utf-8")
            end = begin + len(text)
            content = path.read_text(encoding="utf-8")
        shown = content[begin:end]
        assert " ".join(shown.split()) == " ".join(text.split()), (
            f"{path.name}: the {mark} part is out of date; run pytest --regen-golden"
        )

    return check


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    """An empty vault with a fixed time zone."""
    root = tmp_path / "vault"
    (root / ".interviewkit").mkdir(parents=True)
    (root / ".interviewkit" / "config.yaml").write_text("timezone: Europe/Paris\n")
    return root


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A private copy of sample-vault/, safe to edit."""
    target = tmp_path / "sample-vault"
    shutil.copytree(SAMPLE_VAULT, target)
    return target


@pytest.fixture
def hand_vault(tmp_path: Path) -> Path:
    """The vault of hand-written notes from tests/test_hand_written.py, kept apart from the project."""
    from .test_hand_written import NOTES

    root = tmp_path / "My Vault"
    (root / ".interviewkit").mkdir(parents=True)
    (root / ".interviewkit" / "config.yaml").write_text(
        "timezone: Europe/Paris\nnotes_folder: Interviews\ntemplates_folder: Templates\n"
    )
    for rel, text in NOTES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(text.encode("utf-8"))
    return root


@pytest.fixture
def write(vault: Path) -> Callable[..., Path]:
    """Write a note (text or bytes) at a vault-relative path."""

    def make(rel: str, content: str | bytes) -> Path:
        path = vault / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_bytes(content.encode("utf-8"))
        else:
            path.write_bytes(content)
        return path

    return make


@pytest.fixture
def run() -> Callable[..., Result]:
    """Run the real CLI with separate stdout and stderr; never raise."""

    def invoke(
        *args: str | Path, env: dict[str, str] | None = None, input: str | None = None
    ) -> Result:
        runner = CliRunner()
        environment = {"NO_COLOR": "1", "INTERVIEWKIT_VAULT": "", "TZ": "UTC", "COLUMNS": ""}
        environment.update(env or {})
        return runner.invoke(main, [str(a) for a in args], env=environment, input=input)

    return invoke


def note(company: str = "Acme", start: str = "2026-11-20T10:00", **keys: object) -> str:
    """A minimal interview note; extra keys are written as given (YAML text)."""
    lines = ["---", "type: interview", f"company: {company}", f"start: {start}"]
    lines += [f"{k}: {v}" for k, v in keys.items()]
    lines += ["---", "# Notes", ""]
    return "\n".join(lines)


def modules_after(args: list[str]) -> list[str]:
    """The modules a fresh interpreter has imported once `interviewkit ARGS` is done."""
    code = (
        "import json, sys\n"
        "from interviewkit.cli import main\n"
        "try:\n"
        f"    main({args!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return json.loads(result.stderr.strip().splitlines()[-1])
