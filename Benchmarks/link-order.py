#!/usr/bin/env python3
"""Writes Benchmarks/link-order.txt: the functions magrelax runs at start-up, then those its common keys
run, for the release link to place together (lld --symbol-ordering-file).

Why: the kernel maps an executable's code in 64 KB blocks around each page that runs, so the ~800 KB
that start-up runs, scattered over 11 MB of code, made 7.7 MB of it resident (10-year journal). Placed
together this came to 4.3 MB: the app's functions move (built with -function-sections), but much of the
standard library's code sits in large sections the linker cannot split. A stale list only costs
memory: names it lacks are laid out as before.

Run after changing code that runs at start-up (needs valgrind and a release build):
    swift build -c release
    .build/release/magrelax-bench --write-data 10y /tmp/order-10y 2026-11-24
    python3 Benchmarks/link-order.py --magrelax .build/release/magrelax --data /tmp/order-10y
    rm .build/release/magrelax && swift build -c release    # SwiftPM does not relink for this file alone
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ptybench  # noqa: E402

# Panes 2, 3, 4, 1; moving; a detail and back; a filter typed and cleared; help.
KEYS = "2jjk3jjkk/alm\x1b4jk1jjkk\r\x1b?\x1b"


def executed(binary, data, keys, out):
    """Runs magrelax under callgrind to its first frame, sends `keys`, quits; returns the functions run
    in the executable itself (callgrind names them as the symbol table does)."""
    work = tempfile.mkdtemp(prefix="link-order-")
    shutil.copytree(data, work + "/d")
    argv = ["valgrind", "--tool=callgrind", "--log-file=" + out + ".log", "--callgrind-out-file=" + out,
            "--dump-instr=no", "--demangle=no", binary, "--data-dir", work + "/d"]
    start = time.monotonic()
    pid, fd = ptybench.spawn(argv)
    first, _ = ptybench.read_until_quiet(fd, start, quiet=3.0, limit=300)
    if first is None:
        raise SystemExit("no frame under valgrind")
    for k in keys:
        os.write(fd, k.encode())
        # Bounded: the Breathe pane's animation never lets the screen go quiet.
        ptybench.read_until_quiet(fd, time.monotonic(), quiet=1.0, limit=8)
    # Not ptybench.stop: under valgrind quitting takes longer than it waits, and a killed run
    # writes no profile.
    os.write(fd, b"q")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and os.waitpid(pid, os.WNOHANG)[0] == 0:
        try:
            os.read(fd, 65536)
        except OSError:
            pass
        time.sleep(0.1)
    os.close(fd)
    shutil.rmtree(work)
    # callgrind names an object or function once ("fn=(12) name") and later by number ("fn=(12)").
    objects, functions, ran = {}, {}, set()
    current = None
    target = os.path.realpath(binary)
    with open(out, errors="replace") as f:
        for line in f:
            m = re.match(r"(c?)(ob|fn)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
            if not m:
                continue
            called, kind, number, name = m.groups()
            table = objects if kind == "ob" else functions
            if name:
                table[number] = name
            if called:
                continue
            if kind == "ob":
                current = objects.get(number)
            elif current and os.path.realpath(current) == target:
                ran.add(re.sub(r"'\d+$", "", functions.get(number, "")))
    ran.discard("")
    return ran


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--magrelax", required=True)
    ap.add_argument("--data", required=True, help="a data folder to start with (a long journal)")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "link-order.txt"))
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="link-order-cg-")
    t0 = time.monotonic()
    start_up = executed(a.magrelax, a.data, "", work + "/start.cg")
    t1 = time.monotonic()
    with_keys = executed(a.magrelax, a.data, KEYS, work + "/keys.cg")
    print(f"callgrind runs: {t1 - t0:.0f} s, {time.monotonic() - t1:.0f} s")
    shutil.rmtree(work)
    # In the order of the current binary, so each module's functions stay near one another.
    address = {}
    nm = subprocess.run(["nm", "--defined-only", a.magrelax], capture_output=True, text=True, check=True).stdout
    for line in nm.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "tTwW":
            address.setdefault(parts[2], int(parts[0], 16))
    first = sorted((n for n in start_up if n in address), key=address.get)
    then = sorted((n for n in with_keys - start_up if n in address), key=address.get)
    with open(a.out, "w") as f:
        f.write("\n".join(first + then) + "\n")
    print(f"{a.out}: {len(first)} start-up functions, then {len(then)} more for the keys")


if __name__ == "__main__":
    main()
