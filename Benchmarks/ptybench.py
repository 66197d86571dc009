#!/usr/bin/env python3
"""Whole-process figures in a real pseudo-terminal: start-up to the first complete frame, key press
to a quiet screen, and resident memory, for magrelax and (when installed) calcurse in the same run.

A frame is complete when the program has written output and then stays silent for QUIET seconds;
the time of its last byte before that silence is the figure (the silence itself is not counted).

    python3 Benchmarks/ptybench.py --magrelax .build/release/magrelax \
        --data empty=/tmp/mr-empty --data 10y=/tmp/mr-10y [--runs 15] [--keys jjjjkkkk]
    ... --scenarios          every pane's keys (moving, switching, filtering, ticking, rating, logging)
    ... --idle 10 --breathe 30   CPU ticks and bytes written while idle and during a breathing session
"""
import argparse
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import tempfile
import termios
import time

QUIET = 0.15


def spawn(argv, cols=80, rows=24, env_extra=None):
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("NO_COLOR", None)
    if env_extra:
        env.update(env_extra)
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd


def read_until_quiet(fd, start, quiet=QUIET, limit=10.0):
    """Reads until output has been silent for `quiet` s; returns (seconds from start to the last byte, bytes)."""
    last = None
    got = b""
    while True:
        now = time.monotonic()
        if now - start > limit:
            break
        wait = quiet if last is not None else limit
        r, _, _ = select.select([fd], [], [], wait)
        if not r:
            if last is not None:
                break
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        got += chunk
        last = time.monotonic()
    return (None if last is None else last - start), got


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def cpu_ticks(pid):
    """utime + stime of the process, in clock ticks."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def drain(fd, seconds):
    """Reads whatever the program writes for `seconds`; returns the byte count."""
    end = time.monotonic() + seconds
    n = 0
    while True:
        left = end - time.monotonic()
        if left <= 0:
            return n
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                n += len(os.read(fd, 65536))
            except OSError:
                return n


def stop(pid, fd, quit_keys):
    for k in quit_keys:
        os.write(fd, k)
        time.sleep(0.1)
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                if not os.read(fd, 65536):
                    break
            except OSError:
                break
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    else:
        os.kill(pid, signal.SIGKILL)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    os.close(fd)


def measure(argv, runs, keys, quit_keys, env_extra=None, prefix=""):
    firsts, lat, rss = [], [], []
    for _ in range(runs):
        start = time.monotonic()
        pid, fd = spawn(argv, env_extra=env_extra)
        first, _ = read_until_quiet(fd, start)
        if first is None:
            stop(pid, fd, quit_keys)
            raise SystemExit(f"no frame from {argv}")
        firsts.append(first)
        r = rss_kb(pid)
        if r:
            rss.append(r)
        for k in prefix:
            # Keys that set the scene (e.g. switch pane) before the measured ones.
            os.write(fd, k.encode())
            read_until_quiet(fd, time.monotonic())
        for k in keys:
            t0 = time.monotonic()
            os.write(fd, k.encode())
            # A key that changes nothing draws nothing: a second without output counts as no figure.
            t, _ = read_until_quiet(fd, t0, limit=1.0)
            if t is not None:
                lat.append(t)
        # The larger of the two: the rest of a long journal loads after the first frame.
        r = rss_kb(pid)
        if r and rss:
            rss[-1] = max(rss[-1], r)
        stop(pid, fd, quit_keys)
    return firsts, lat, rss


def fmt(xs, scale=1000.0, unit="ms"):
    if not xs:
        return "n/a"
    xs = sorted(xs)
    p = lambda q: xs[min(len(xs) - 1, int(q * len(xs)))]
    return (f"median {statistics.median(xs) * scale:.1f} {unit}  p90 {p(0.9) * scale:.1f}  "
            f"p99 {p(0.99) * scale:.1f}  min {xs[0] * scale:.1f}  (n={len(xs)})")


# (name, keys that set the scene, measured keys): every kind of key in every pane. Keys that record
# (rating, ticking, logging) save at once, so they measure the save path too.
SCENARIOS = [
    ("switch panes", "", "12341234"),
    ("Symptoms list", "1", "jjjjkkkk"),
    ("Symptoms rate", "1", "lhlhlhlh"),
    ("Plan grid", "2", "lllhhhjk"),
    ("Plan tick", "2\r", "        "),
    ("Food day", "3", "jjjjkkkk"),
    ("Food list", "3a", "jjjjkkkk"),
    ("Food filter", "3/", "spinach"),
    ("Food log", "3", "a\ra\ra\ra\r"),
    ("Breathe list", "4", "jjjjkkkk"),
]


def idle_and_breathing(argv, idle, breathe):
    """CPU ticks and bytes over `idle` s after the first frame, then over `breathe` s of a session."""
    pid, fd = spawn(argv)
    read_until_quiet(fd, time.monotonic())
    t0 = cpu_ticks(pid)
    idle_bytes = drain(fd, idle)
    idle_ticks = cpu_ticks(pid) - t0
    # The Breathe pane, its first pattern's setup, start.
    for k in ["4", "\r", "\r"]:
        os.write(fd, k.encode())
        read_until_quiet(fd, time.monotonic())
    t0 = cpu_ticks(pid)
    w0 = time.monotonic()
    session_bytes = drain(fd, breathe)
    wall = time.monotonic() - w0
    session_ticks = cpu_ticks(pid) - t0
    stop(pid, fd, [b"\x1b", b"\x1b", b"q"])
    hz = os.sysconf("SC_CLK_TCK")
    return idle_ticks, idle_bytes, session_ticks, session_bytes, wall, hz


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--magrelax", required=True)
    ap.add_argument("--data", action="append", default=[], help="NAME=DIR, a data folder to start with")
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--keys", default="jjjjkkkk", help="keys sent one by one after the first frame")
    ap.add_argument("--prefix", default="", help="keys sent to magrelax first, not measured (e.g. 3 for Food)")
    ap.add_argument("--calcurse-keys", default=None, help="keys measured in calcurse (default: --keys)")
    ap.add_argument("--no-calcurse", action="store_true")
    ap.add_argument("--scenarios", action="store_true", help="measure every scenario in SCENARIOS")
    ap.add_argument("--idle", type=float, default=0, help="seconds idle to count CPU ticks over")
    ap.add_argument("--breathe", type=float, default=0, help="seconds of a breathing session to measure")
    a = ap.parse_args()
    if a.idle or a.breathe:
        for spec in a.data:
            name, folder = spec.split("=", 1)
            work = tempfile.mkdtemp(prefix="ptybench-")
            shutil.copytree(folder, work + "/d")
            it, ib, st, sb, wall, hz = idle_and_breathing([a.magrelax, "--data-dir", work + "/d"], a.idle, a.breathe)
            print(f"magrelax {name}: idle {a.idle:.0f} s: {it} CPU ticks, {ib} bytes; "
                  f"breathing {wall:.0f} s: {st} ticks = {100 * st / hz / wall:.2f}% CPU, {sb / wall:.0f} bytes/s")
        return
    print(f"runs per row: {a.runs}; quiet gap {QUIET * 1000:.0f} ms; 80x24; load {os.getloadavg()[0]:.2f}; "
          f"prefix {a.prefix!r}, keys {a.keys!r}")
    rows = []
    scenarios = SCENARIOS if a.scenarios else [("", a.prefix, a.keys)]
    for spec in a.data:
        name, folder = spec.split("=", 1)
        for scenario, prefix, keys in scenarios:
            # A copy per row, so the runs start from the same files (magrelax may upgrade or repair them).
            work = tempfile.mkdtemp(prefix="ptybench-")
            shutil.copytree(folder, work + "/d")
            label = f"magrelax {name}" + (f" {scenario}" if scenario else "")
            # Esc leaves a filter, a prompt or a day first, so q quits rather than being typed.
            rows.append((label, [a.magrelax, "--data-dir", work + "/d"], [b"\x1b", b"\x1b", b"q"], None, prefix, keys))
    calcurse = shutil.which("calcurse")
    if calcurse and not a.no_calcurse:
        home = tempfile.mkdtemp(prefix="ptybench-calcurse-")
        rows.append(("calcurse", [calcurse, "-D", home], [b"q", b"y"], None, "", a.calcurse_keys or a.keys))
    # Interleaved, so a burst of load elsewhere hits every row alike.
    results = {name: ([], [], []) for name, *_ in rows}
    for _ in range(a.runs):
        for name, argv, quit_keys, env, prefix, keys in rows:
            f, l, r = measure(argv, 1, keys, quit_keys, env, prefix)
            results[name][0].extend(f)
            results[name][1].extend(l)
            results[name][2].extend(r)
    for name, (f, l, r) in results.items():
        print(f"{name:30} first frame: {fmt(f)}")
        print(f"{'':30} key to quiet: {fmt(l)}")
        if r:
            print(f"{'':30} resident:     median {statistics.median(r) / 1024:.1f} MB  max {max(r) / 1024:.1f} MB")


if __name__ == "__main__":
    main()
