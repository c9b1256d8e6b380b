"""The command line shared by the one-stage benchmarks (extract_stage.py, resolve_stage.py):
each run a new Python process running the script's ``one_run``, which prints its CPU seconds
and, with --digest, a digest line; the median over the runs is the figure."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from collections.abc import Callable


def main(script: str, description: str, one_run: Callable[[str, bool, str | None], None], found: str) -> int:
    """Parse the arguments of ``script`` and run it: once in this process with --one or
    --profile, else --runs times as new processes; ``found`` says what the digest covers."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("corpus")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--digest", action="store_true", help=f"print a digest of what was {found}")
    ap.add_argument("--profile", metavar="OUT", help="one run under cProfile, statistics written to OUT")
    ap.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one or args.profile:
        one_run(args.corpus, args.digest, args.profile)
        return 0
    times = []
    for k in range(args.runs):
        cmd = [sys.executable, script, args.corpus, "--one"] + (["--digest"] if args.digest and k == 0 else [])
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.split("\n")
        times.append(float(out[0]))
        print(f"run {k + 1}: {times[-1]:.3f} s CPU", flush=True)
        if len(out) > 1 and out[1]:
            print(out[1], flush=True)
    print(f"median {statistics.median(times):.3f} s CPU over {len(times)} runs")
    return 0
