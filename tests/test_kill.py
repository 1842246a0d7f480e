"""A build or a print killed (SIGKILL) at any moment: the previous site stays whole, nothing is left behind.

Each run is a real process on a small catalogue, killed after a random delay
within the time a run takes; the count is bounded so that CI stays quick. The
seed is printed with any failure (set ``KILL_SEED`` to repeat it).
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, TODAY_EPOCH
from sites import SERVICE, write_site

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to follow the worker processes")

SEED = int(os.environ.get("KILL_SEED") or random.SystemRandom().randrange(1 << 30))
BUILD_KILLS = 5
PRINT_KILLS = 3


def digest(folder: Path) -> str:
    """Return one hash of every file's path and bytes below ``folder`` (empty when it does not exist)."""
    hasher = hashlib.sha256()
    for path in sorted(folder.rglob("*")) if folder.exists() else []:
        if path.is_file():
            hasher.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return hasher.hexdigest()


def start(*args: str | Path) -> subprocess.Popen:
    env = {**os.environ, "SOURCE_DATE_EPOCH": TODAY_EPOCH}
    return subprocess.Popen([sys.executable, str(ROOT / "build.py"), *map(str, args)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def run(*args: str | Path) -> float:
    """Run to the end; return how long it took."""
    begin = time.monotonic()
    proc = start(*args)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err.decode()
    return time.monotonic() - begin


def children() -> dict[int, int]:
    """Return pid → parent pid of every process."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            found[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return found


def descendants(pid: int) -> set[int]:
    parents = children()
    found, todo = set(), [pid]
    while todo:
        current = todo.pop()
        for child, parent in parents.items():
            if parent == current and child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def kill_after(proc: subprocess.Popen, delay: float, want_workers: bool = False) -> set[int]:
    """SIGKILL ``proc`` after ``delay`` seconds (after its workers started, if asked); return the processes it had."""
    seen: set[int] = set()
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline or (want_workers and not seen and proc.poll() is None):
        seen |= descendants(proc.pid)
        if proc.poll() is not None:
            break
        time.sleep(0.02)
    seen |= descendants(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    proc.stderr.close()
    return seen


def assert_all_gone(pids: set[int], why: str) -> None:
    deadline = time.monotonic() + 10
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [p for p in pids if alive(p)]
    for pid in left:  # they are this test's own: do not leave them running
        os.kill(pid, signal.SIGKILL)
    assert not left, f"processes left after {why}"


def temporary_trees(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".building-" in p.name or ".old-" in p.name)


def test_a_build_killed_at_any_moment_keeps_the_previous_site_and_leaves_nothing(tmp_path):
    rng = random.Random(SEED)
    content = write_site(tmp_path / "content")
    out = tmp_path / "public"
    run("build", "--content", content, "--out", out)
    write_site(content, {"services/azylovy-dum-lysa.yaml": SERVICE.replace("Azylový dům pro matky s dětmi", "Azylový dům U Lípy")})
    took = run("build", "--content", content, "--out", tmp_path / "expected")
    new = digest(tmp_path / "expected")
    # The first run after the edit is incremental (it links the unchanged files from the site in
    # place); a kill after it removed the manifest makes the next one full: both are killed here.
    for i in range(BUILD_KILLS):
        before = digest(out)
        delay = rng.uniform(0, took)
        seen = kill_after(start("build", "--content", content, "--out", out), delay)
        assert digest(out) in (before, new), f"kill {i} after {delay:.2f} s broke the site (KILL_SEED={SEED})"
        assert_all_gone(seen, f"kill {i} after {delay:.2f} s (KILL_SEED={SEED})")
    run("build", "--content", content, "--out", out)
    assert digest(out) == new
    assert temporary_trees(tmp_path) == [] and not list(out.rglob(".*"))


def test_a_print_killed_at_any_moment_keeps_the_previous_pdfs_and_kills_its_workers(tmp_path):
    rng = random.Random(SEED + 1)
    content = write_site(tmp_path / "content")
    out = tmp_path / "public"
    run("print", "--content", content, "--out", out, "--jobs", "2")
    write_site(content, {"services/azylovy-dum-lysa.yaml": SERVICE.replace("Azylový dům pro matky s dětmi", "Azylový dům U Lípy")})
    took = run("print", "--content", content, "--out", tmp_path / "expected", "--jobs", "2")
    new = digest(tmp_path / "expected" / "tisk")
    for i in range(PRINT_KILLS):
        shutil.rmtree(content / ".cache" / "print", ignore_errors=True)  # every run lays the PDFs out again
        before = digest(out / "tisk")
        delay = rng.uniform(0, took)
        seen = kill_after(start("print", "--content", content, "--out", out, "--jobs", "2"), delay, want_workers=i == 0)
        assert digest(out / "tisk") in (before, new), f"kill {i} after {delay:.2f} s broke the PDFs (KILL_SEED={SEED})"
        assert not list(out.glob(".*")), f"kill {i} left a temporary tree inside the site (KILL_SEED={SEED})"
        assert_all_gone(seen, f"print kill {i} after {delay:.2f} s (KILL_SEED={SEED})")
        if i == 0:
            assert seen, "the first print was killed before it started its workers"
    run("print", "--content", content, "--out", out, "--jobs", "2")
    assert temporary_trees(tmp_path) == [] and temporary_trees(out) == []
    assert sorted(p.name for p in (out / "tisk").iterdir()) == ["katalog-brozura.pdf", "katalog.pdf", "ztrata-bydleni.pdf"]


@pytest.mark.parametrize("command", [["check"], ["search", "pomoc", "--limit", "50"]])
def test_output_into_a_closed_pipe_ends_quietly(tmp_path, command):
    """`build.py check | head -0`: the reader is gone before anything is written; no "internal error" follows."""
    content = write_site(tmp_path / "content", {"services/s.yaml": SERVICE})
    read, write = os.pipe()
    os.close(read)  # a reader that went away
    try:
        done = subprocess.run([sys.executable, str(ROOT / "build.py"), *command, "--content", str(content)], stdout=write,
                              stderr=subprocess.PIPE, text=True, timeout=120, env={**os.environ, "SOURCE_DATE_EPOCH": str(TODAY_EPOCH)})
    finally:
        os.close(write)
    assert "BrokenPipeError" not in done.stderr and "vnitřní chyba" not in done.stderr, done.stderr
    assert done.returncode in (0, 130), (done.returncode, done.stderr)
