#!/usr/bin/env python3
"""Time devpie-transpile against quicktype 26 as cold CLI processes.

A pre-commit hook starts a fresh process on every commit, so what counts is the
wall time of a whole process, start-up included, and its peak memory. Each
input (the fixture and synthetic contracts from gen_contract.py) is run through
devpie-transpile (--lang python, --lang go, and project mode writing both) and
quicktype (--lang python, --lang go), the commands interleaved round-robin so
that both tools share the machine's noise. Results: a markdown table on stdout,
bench/results/latest.md and bench/results/chart.png.

    python bench/run.py            # full run (a few minutes; quicktype dominates)
    python bench/run.py --quick    # smoke run: fixture, N=10 and N=100, 3 repeats
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import hashlib
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import gen_contract

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
FIXTURE = ROOT / "fixtures" / "index.ts"
QT_PREFIX = BENCH / ".cache" / "quicktype"
QT_BIN = QT_PREFIX / "node_modules" / ".bin" / "quicktype"
QT_SPEC = "quicktype@26"

PYPROJECT = """\
[tool.devpie-transpile]
source = "{source}"

[[tool.devpie-transpile.targets]]
lang = "python"
out = "out/python"
package = "bench_events"

[[tool.devpie-transpile.targets]]
lang = "go"
out = "out/go"
package = "events"
module = "example.com/bench/events"
"""

# The targets from the task, checked against devpie-transpile's medians.
TARGET_FIXTURE_MS = 150.0
TARGET_1000_PROJECT_MS = 1500.0
TARGET_10000_PROJECT_MS = 15000.0
TARGET_10000_RSS_MB = 500.0
TARGET_PER_MESSAGE_RATIO = 1.5


@dataclass(frozen=True)
class Sample:
    """One process run: wall seconds, peak RSS in KiB, exit status."""

    wall: float
    rss_kb: int
    rc: int
    error: str = ""


@dataclass
class Job:
    """One (input, tool, language) cell: the command and the samples taken."""

    input: str
    n: int
    tool: str  # "devpie-transpile" or "quicktype"
    lang: str  # "python", "go" or "both" (project mode)
    cmd: list[str]
    cwd: Path
    outputs: list[Path]  # must exist after a successful run; removed before each run
    repeats: int
    samples: list[Sample] = field(default_factory=list)
    failed: str = ""

    @property
    def done(self) -> bool:
        return bool(self.failed) or len(self.samples) >= self.repeats

    def walls_ms(self) -> list[float]:
        return [s.wall * 1000 for s in self.samples]

    def median_ms(self) -> float | None:
        return statistics.median(self.walls_ms()) if self.samples else None

    def min_ms(self) -> float | None:
        return min(self.walls_ms()) if self.samples else None

    def peak_mb(self) -> float | None:
        return max(s.rss_kb for s in self.samples) / 1024 if self.samples else None


def measure(cmd: Sequence[str], cwd: Path, timeout: float) -> Sample:
    """Run cmd once; wall time around spawn..reap, peak RSS from wait4's rusage.

    wait4 reports this child's own ru_maxrss (the maximum over it and the
    descendants it reaped), so concurrent children never mix.
    """
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd), cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err
        )
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        timer.cancel()
        proc.returncode = rc = os.waitstatus_to_exitcode(status)
        if rc == 0:
            return Sample(wall, usage.ru_maxrss, 0)
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").strip().splitlines()
        why = "timeout" if wall >= timeout else (lines[-1] if lines else "")
        return Sample(wall, usage.ru_maxrss, rc, f"exit {rc}: {why}"[:160])


def ensure_quicktype(install: bool) -> tuple[Path | None, str]:
    """The quicktype binary, installed into bench/.cache on demand; or a note why not."""
    if not install:
        return None, "quicktype skipped (--no-quicktype)."
    if QT_BIN.exists():
        return QT_BIN, ""
    npm = shutil.which("npm")
    if npm is None:
        return None, "quicktype skipped: npm not found."
    print(f"installing {QT_SPEC} into {QT_PREFIX.relative_to(ROOT)} ...", file=sys.stderr)
    QT_PREFIX.mkdir(parents=True, exist_ok=True)
    try:
        res = subprocess.run(
            [npm, "install", "--prefix", str(QT_PREFIX), QT_SPEC, "--no-audit", "--no-fund"],
            capture_output=True,
            text=True,
            timeout=600,
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"quicktype skipped: npm install failed ({e})."
    if res.returncode != 0 or not QT_BIN.exists():
        tail = (res.stderr.strip().splitlines() or ["?"])[-1]
        return None, f"quicktype skipped: npm install failed ({tail})."
    return QT_BIN, ""


def find_ours(explicit: str | None) -> str | None:
    """devpie-transpile on PATH, else next to this interpreter (an unactivated venv)."""
    if explicit:
        return explicit
    found = shutil.which("devpie-transpile")
    if found:
        return found
    beside = Path(sys.executable).parent / "devpie-transpile"
    return str(beside) if beside.exists() else None


def count_messages(text: str) -> int:
    """Messages are interfaces with an enum-member discriminator, as in the fixture."""
    return len(re.findall(r"^\s*type:\s*(?:Commands|Events)\.\w+;", text, re.MULTILINE))


def prepare_inputs(work: Path, sizes: Sequence[int], fixture: bool) -> list[tuple[str, int, Path]]:
    """One directory per input holding contract.ts and a project-mode pyproject.toml."""
    inputs: list[tuple[str, str, int]] = []
    if fixture:
        text = FIXTURE.read_text(encoding="utf-8")
        inputs.append(("fixture", text, count_messages(text)))
    for n in sizes:
        inputs.append((f"synthetic-{n}", gen_contract.generate(n), n))
    out = []
    for name, text, n in inputs:
        d = work / name
        d.mkdir()
        (d / "contract.ts").write_text(text, encoding="utf-8")
        (d / "pyproject.toml").write_text(PYPROJECT.format(source="contract.ts"), encoding="utf-8")
        out.append((name, n, d))
    return out


def make_jobs(
    name: str, n: int, d: Path, ours: str | None, qt: Path | None, args: argparse.Namespace
) -> list[Job]:
    """The cells for one input, in the order they are interleaved."""
    jobs: list[Job] = []
    ext = {"python": "py", "go": "go"}
    for lang in ("python", "go"):
        if ours:
            out = d / f"ours.{ext[lang]}"
            cmd = [ours, "contract.ts", "--lang", lang, "-o", out.name]
            jobs.append(Job(name, n, "devpie-transpile", lang, cmd, d, [out], args.repeats))
        if qt and n <= args.qt_max_n:
            out = d / f"qt.{ext[lang]}"
            # quicktype insists that the source lies under its cwd (tsc rootDir ".").
            cmd = [str(qt), "--lang", lang, "--src-lang", "typescript", "-o", out.name]
            cmd.append("contract.ts")
            jobs.append(Job(name, n, "quicktype", lang, cmd, d, [out], args.repeats))
    if ours:
        outs = [d / "out" / "python", d / "out" / "go"]
        jobs.append(Job(name, n, "devpie-transpile", "both", [ours], d, outs, args.repeats))
    return jobs


def clear(paths: Sequence[Path]) -> None:
    """Remove earlier outputs so every run writes (and the check below means something)."""
    for p in paths:
        if p.is_dir():
            shutil.rmtree(p)
        elif p.exists():
            p.unlink()


def run_input(jobs: list[Job], args: argparse.Namespace) -> None:
    """Round-robin over the cells until each has its repeats, failed, or ran out of budget."""
    while not all(j.done for j in jobs):
        for job in jobs:
            if job.done:
                continue
            clear(job.outputs)
            s = measure(job.cmd, job.cwd, args.timeout)
            if s.rc == 0 and not all(p.exists() for p in job.outputs):
                s = Sample(s.wall, s.rss_kb, 1, "exit 0 but no output written")
            if s.rc != 0:
                job.failed = s.error
                print(f"  {job.input} {job.tool} {job.lang}: FAILED {s.error}", file=sys.stderr)
                continue
            job.samples.append(s)
            if job.tool == "quicktype" and len(job.samples) == 1:
                # quicktype takes ~90 s per run at N=10,000: cap each cell's time.
                fit = max(1, math.floor(args.qt_budget / max(s.wall, 1e-3)))
                job.repeats = min(job.repeats, fit)
            print(
                f"  {job.input} {job.tool} {job.lang}: run {len(job.samples)}/{job.repeats}"
                f" {s.wall * 1000:.0f} ms {s.rss_kb / 1024:.0f} MB",
                file=sys.stderr,
            )


def _fmt(x: float | None, digits: int = 0) -> str:
    return "-" if x is None else f"{x:,.{digits}f}"


def ratio(jobs: Sequence[Job], job: Job) -> float | None:
    """quicktype median / ours median; for project mode, quicktype python + go."""
    if job.tool != "devpie-transpile" or job.median_ms() is None:
        return None
    langs = ("python", "go") if job.lang == "both" else (job.lang,)
    theirs = []
    for lang in langs:
        m = [j for j in jobs if (j.input, j.tool, j.lang) == (job.input, "quicktype", lang)]
        if not m or m[0].median_ms() is None:
            return None
        theirs.append(m[0].median_ms() or 0.0)
    return sum(theirs) / (job.median_ms() or 1.0)


def table(jobs: Sequence[Job]) -> str:
    """The markdown results table, one row per cell."""
    head = (
        "| input | N | tool | language | runs | median ms | min ms | peak RSS MB "
        "| quicktype/ours | ms/message |\n"
        "| --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n"
    )
    rows = []
    for j in jobs:
        med = j.median_ms()
        if j.failed and med is None:
            cells = ["FAILED: " + j.failed.replace("|", "/"), "", "", "", ""]
            rows.append(
                f"| {j.input} | {j.n} | {j.tool} | {j.lang} | 0 | " + " | ".join(cells) + " |"
            )
            continue
        r = ratio(jobs, j)
        per = None if med is None else med / j.n
        rows.append(
            f"| {j.input} | {j.n} | {j.tool} | {j.lang} | {len(j.samples)} | {_fmt(med)} "
            f"| {_fmt(j.min_ms())} | {_fmt(j.peak_mb())} "
            f"| {'-' if r is None else f'{r:.1f}x'} | {_fmt(per, 2)} |"
        )
    return head + "\n".join(rows) + "\n"


def _ours(jobs: Sequence[Job], n: int, lang: str, fixture: bool = False) -> Job | None:
    for j in jobs:
        if (
            j.tool == "devpie-transpile"
            and j.lang == lang
            and (j.input == "fixture") == fixture
            and (fixture or j.n == n)
            and j.samples
        ):
            return j
    return None


def targets(jobs: Sequence[Job]) -> str:
    """The task's performance targets, each PASS / FAIL / not measured."""
    out = []

    def line(ok: bool | None, what: str, got: str) -> None:
        mark = "not measured" if ok is None else ("PASS" if ok else "FAIL")
        out.append(f"- {mark}: {what} — {got}")

    for lang in ("python", "go"):
        j = _ours(jobs, 0, lang, fixture=True)
        med = j.median_ms() if j else None
        line(
            None if med is None else med <= TARGET_FIXTURE_MS,
            f"fixture, --lang {lang}, cold process <= {TARGET_FIXTURE_MS:.0f} ms",
            f"{_fmt(med)} ms",
        )
    j = _ours(jobs, 1000, "both")
    med = j.median_ms() if j else None
    line(
        None if med is None else med <= TARGET_1000_PROJECT_MS,
        f"N=1,000, project mode (both languages) <= {TARGET_1000_PROJECT_MS:.0f} ms",
        f"{_fmt(med)} ms",
    )
    j = _ours(jobs, 10000, "both")
    med, mb = (j.median_ms(), j.peak_mb()) if j else (None, None)
    line(
        None
        if med is None or mb is None
        else med <= TARGET_10000_PROJECT_MS and mb <= TARGET_10000_RSS_MB,
        f"N=10,000, project mode <= {TARGET_10000_PROJECT_MS:.0f} ms"
        f" and <= {TARGET_10000_RSS_MB:.0f} MB peak RSS",
        f"{_fmt(med)} ms, {_fmt(mb)} MB",
    )
    for lang in ("python", "go", "both"):
        base = _ours(jobs, 100, lang)
        big = [j for n in (1000, 10000) if (j := _ours(jobs, n, lang))]
        if base is None or not big:
            line(None, f"ms/message within {TARGET_PER_MESSAGE_RATIO}x, N=100..10,000, {lang}", "")
            continue
        b = (base.median_ms() or 0.0) / base.n
        worst = max((j.median_ms() or 0.0) / j.n / b for j in big)
        marg = []
        prev = base
        for j in big:  # marginal cost per added message, start-up cancelled out
            dm = ((j.median_ms() or 0.0) - (prev.median_ms() or 0.0)) / (j.n - prev.n)
            marg.append(f"{prev.n}->{j.n}: {dm:.3f}")
            prev = j
        line(
            worst <= TARGET_PER_MESSAGE_RATIO,
            f"ms/message at N=1,000/10,000 within {TARGET_PER_MESSAGE_RATIO}x of N=100, {lang}",
            f"worst {worst:.2f}x of {b:.3f} ms/message"
            f" (marginal ms per added message {', '.join(marg)})",
        )
    return "\n".join(out) + "\n"


def source_digest() -> str:
    """A hash of devpie_transpile's files, to notice the tool changing during a run."""
    h = hashlib.sha256()
    for p in sorted((ROOT / "devpie_transpile").rglob("*")):
        if p.is_file() and p.suffix in (".py", ".scm"):
            h.update(p.relative_to(ROOT).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def machine(ours: str | None, qt: Path | None) -> str:
    """Where and when this ran, for the results file."""
    cpu = platform.processor() or "?"
    try:
        for ln in Path("/proc/cpuinfo").read_text().splitlines():
            if ln.startswith("model name"):
                cpu = ln.split(":", 1)[1].strip()
                break
    except OSError:
        pass

    def version(cmd: list[str]) -> str:
        try:
            res = subprocess.run(cmd, capture_output=True, text=True, timeout=60, cwd=ROOT)
            return (res.stdout.strip().splitlines() or ["?"])[0]
        except (OSError, subprocess.TimeoutExpired):
            return "?"

    rev = version(["git", "rev-parse", "--short", "HEAD"])
    dirty = version(["git", "status", "--porcelain", "--", "devpie_transpile"])
    lines = [
        f"- date: {dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- CPU: {cpu}, {os.cpu_count()} cores; {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}",
        f"- devpie-transpile: {ours or 'not found'} (git {rev}"
        f"{', devpie_transpile/ modified' if dirty not in ('', '?') else ''})",
    ]
    if qt:
        lines.append(
            f"- quicktype {version([str(qt), '--version']).split()[-1]}, "
            f"node {version(['node', '--version'])}"
        )
    return "\n".join(lines) + "\n"


def runtime_section(latest: Path) -> str:
    """The section bench/runtime/measure.py spliced into latest.md, kept across runs."""
    begin, end = "<!-- runtime:begin -->", "<!-- runtime:end -->"
    text = latest.read_text(encoding="utf-8") if latest.exists() else ""
    if begin not in text or end not in text:
        return ""
    return begin + text.split(begin, 1)[1].split(end, 1)[0] + end + "\n"


def chart(jobs: Sequence[Job], path: Path) -> bool:
    """Log-log median wall time vs N on the synthetic inputs, drawn with matplotlib (the
    `bench` extra); False if nothing to draw or matplotlib is not installed."""
    styles = {
        ("devpie-transpile", "python"): ("devpie-transpile, Python", "#1f77b4", "-"),
        ("devpie-transpile", "go"): ("devpie-transpile, Go", "#2ca02c", "-"),
        ("devpie-transpile", "both"): ("devpie-transpile, both (project mode)", "#9467bd", "-"),
        ("quicktype", "python"): ("quicktype, Python", "#d62728", "--"),
        ("quicktype", "go"): ("quicktype, Go", "#ff7f0e", "--"),
    }
    series = []
    for key, style in styles.items():
        pts = sorted(
            (float(j.n), j.median_ms() or 0.0)
            for j in jobs
            if (j.tool, j.lang) == key and j.input != "fixture" and j.samples
        )
        if pts:
            series.append((style, pts))
    if not series:
        return False
    try:
        import matplotlib
    except ImportError:
        return False
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8.6, 5.2))
    for (label, color, line), pts in series:
        ax.plot([n for n, _ in pts], [ms for _, ms in pts], line, color=color, marker="o",
                label=label)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("messages in the contract (N)")
    ax.set_ylabel("median wall time per process (ms)")
    ax.set_title("Cold CLI runs: devpie-transpile vs quicktype")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    tmp = path.with_suffix(".tmp.png")
    fig.savefig(tmp, dpi=100)
    plt.close(fig)
    tmp.replace(path)
    return True


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10,100,1000,10000", help="synthetic N, comma-separated")
    ap.add_argument("--repeats", type=int, default=5, help="runs per cell (median of these)")
    ap.add_argument("--quick", action="store_true", help="sizes 10,100 and 3 repeats")
    ap.add_argument("--no-fixture", action="store_true", help="skip fixtures/index.ts")
    ap.add_argument("--no-quicktype", action="store_true", help="time devpie-transpile only")
    ap.add_argument("--qt-max-n", type=int, default=10000, help="largest N to give quicktype")
    ap.add_argument(
        "--qt-budget",
        type=float,
        default=60.0,
        help="seconds per quicktype cell: fewer repeats (at least 1) when its first run is slow",
    )
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds per process")
    ap.add_argument("--ours", help="devpie-transpile executable (default: on PATH / in venv)")
    ap.add_argument("--results", type=Path, default=BENCH / "results", help="output directory")
    args = ap.parse_args(argv)
    if args.quick:
        args.sizes, args.repeats = "10,100", 3
    args.size_list = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.repeats < 1 or any(n < 1 for n in args.size_list):
        ap.error("--repeats and sizes must be >= 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    notes: list[str] = []
    ours = find_ours(args.ours)
    if ours is None:
        notes.append("devpie-transpile not found: activate the venv or pass --ours.")
    # pip byte-compiles an installed tool; an editable checkout under
    # PYTHONDONTWRITEBYTECODE would otherwise pay ~20 ms of compiling per run.
    compileall.compile_dir(ROOT / "devpie_transpile", quiet=1)
    qt, why = ensure_quicktype(not args.no_quicktype)
    if why:
        notes.append(why)
    if ours is None and qt is None:
        print("\n".join(notes), file=sys.stderr)
        return 2
    jobs: list[Job] = []
    digest = source_digest()
    where = machine(ours, qt)  # before the run: the revision that was timed
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="devpie-bench-") as tmp:
        inputs = prepare_inputs(Path(tmp), args.size_list, not args.no_fixture)
        # One untimed run per tool first, so the timed runs find warm disk caches.
        warm = make_jobs(*inputs[0], ours, qt, args)
        for j in warm:
            measure(j.cmd, j.cwd, args.timeout)
        for name, n, d in inputs:
            print(f"{name} (N={n})", file=sys.stderr)
            cell = make_jobs(name, n, d, ours, qt, args)
            run_input(cell, args)
            jobs.extend(cell)
    notes.append(
        f"load average (1 min) {load_before:.2f} before the run, {os.getloadavg()[0]:.2f} after,"
        f" on {os.cpu_count()} cores: other work on the machine shows up as noise."
    )
    if ours and source_digest() != digest:
        notes.append("devpie_transpile/ changed during this run: its rows mix versions; run again.")
    result = table(jobs)
    print(result)
    tgt = targets(jobs) if ours else ""
    if tgt:
        print(tgt)
    args.results.mkdir(parents=True, exist_ok=True)
    drew = chart(jobs, args.results / "chart.png")
    if not drew:
        notes.append("no chart: no synthetic input produced a measurement.")
    if qt and args.qt_max_n < max(args.size_list, default=0):
        notes.append(f"quicktype not run above N={args.qt_max_n} (--qt-max-n).")
    command = " ".join(["python bench/run.py", *(sys.argv[1:] if argv is None else argv)])
    doc = [
        "# Benchmark: devpie-transpile vs quicktype\n",
        f"Command: `{command}`\n",
        where,
        result,
    ]
    if tgt:
        doc += ["## Targets (devpie-transpile medians)\n", tgt]
    if notes:
        doc += ["## Notes\n", "".join(f"- {note}\n" for note in notes)]
    if drew:
        doc.append("![median wall time vs N, log-log](chart.png)\n")
    latest = args.results / "latest.md"
    doc.append(runtime_section(latest))
    latest.write_text("\n".join(doc), encoding="utf-8")
    for note in notes:
        print(note, file=sys.stderr)
    print(f"wrote {args.results / 'latest.md'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
