#!/usr/bin/python3
"""Runs Aggregator, rss2email and feed2exec on the same loopback feeds and compares their cost.

Three passes per tool and output mode: every item new (feeds x items mails), nothing changed (0 mails),
then `--new` feeds gain one item each (that many mails). Every pass is one process from start to exit;
its CPU (user + system, children included) and peak RSS come from wait4(2). Start-up CPU is what the
process had used when its first feed request reached the server. Each pass's mail is parsed and checked
against the items it must carry: each exactly once, nothing else.

Standard library only, run with Debian's /usr/bin/python3 (the peers' own interpreter).
"""

import argparse
import asyncio
import email
import email.policy
import html
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TICKS = os.sysconf("SC_CLK_TCK")
ITEM_REF = re.compile(r"/i/(\d+)-(\d+)")
WORDS = ("border talks resume as ministers meet in the capital while markets wait for the central bank "
         "decision on rates and farmers protest fuel prices near the port where ships queue for days").split()

SYLLABLES = "ka lo ren vi dor mal sen ta ri bel mon za tor nik sa ve lan gro pel dan qui ostr mer fa lin bra cu hel ton ask ur ei".split()


def made_up_word(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def item_words(n, i):
    """60 words, half common and half made-up names, seeded by the item: every item is news of its own, as real items
    are, so a tool that groups copies of one story (Aggregator does) still owes one mail per item."""
    rng = random.Random(f"item-{n}-{i}")
    return " ".join(rng.choice(WORDS) if k % 2 else made_up_word(rng) for k in range(60))


# ---------------------------------------------------------------- feeds

class Feeds:
    """300 RSS feeds of 20 items; after `publish_new()` the first `new` feeds carry one item more."""

    def __init__(self, feeds, items, new):
        self.feeds, self.items, self.new = feeds, items, new
        self.generation = 0
        self.base = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(hours=1)
        self.base_url = ""

    def publish_new(self):
        self.generation = 1

    def version(self, n):
        return 1 if self.generation == 1 and n < self.new else 0

    def item_count(self, n):
        return self.items + self.version(n)

    def expected(self, generation_from, generation_to):
        """The items a pass must deliver when the feeds go from one generation to the next."""
        if generation_from is None:
            return {(n, i) for n in range(self.feeds) for i in range(self.items + (1 if generation_to and n < self.new else 0))}
        if generation_from == generation_to:
            return set()
        return {(n, self.items) for n in range(self.new)}

    def body(self, n):
        out = [f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
               f"<title>Wire {n}</title><link>{self.base_url}/site/{n}</link>"
               f"<description>Loopback feed {n}</description>"]
        for i in reversed(range(self.item_count(n))):
            published = self.base + timedelta(seconds=i * 60 + n) if i < self.items else self.base + timedelta(minutes=50)
            words = item_words(n, i)
            link = f"{self.base_url}/i/{n}-{i}"
            description = html.escape(f"<p>Bulletin {n}-{i}: <b>{words[:40]}</b> {words}.</p><p>{words[::-1]}</p>")
            name = made_up_word(random.Random(f"title-{n}-{i}"))
            out.append(f"<item><title>Bulletin {n}-{i}: {name} {WORDS[(n + i * 3) % len(WORDS)]} update</title>"
                       f"<link>{link}</link><guid isPermaLink=\"true\">{link}</guid>"
                       f"<pubDate>{format_datetime(published, usegmt=True)}</pubDate>"
                       f"<description>{description}</description></item>")
        out.append("</channel></rss>\n")
        return "".join(out).encode()


class FeedServer:
    """Serves the feeds with ETags (304 on a match) and notes each request, and the tool's CPU at the first."""

    def __init__(self, feeds):
        self.feeds = feeds
        self.lock = threading.Lock()
        self.reset(None)
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                m = re.fullmatch(r"/f/(\d+)\.xml", self.path)
                if not m or int(m.group(1)) >= feeds.feeds:
                    self.send_error(404)
                    return
                n = int(m.group(1))
                server.note(n)
                etag = f'"{n}-{feeds.version(n)}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = feeds.body(n)
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        feeds.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, n):
        return f"{self.feeds.base_url}/f/{n}.xml"

    def reset(self, pid):
        with self.lock:
            self.pid, self.requests, self.seen, self.startup_cpu, self.last_request = pid, 0, set(), None, 0.0

    def note(self, n):
        with self.lock:
            if self.startup_cpu is None and self.pid:
                self.startup_cpu = process_cpu(self.pid)
            self.requests += 1
            self.seen.add(n)
            self.last_request = time.monotonic()


def process_cpu(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS
    except OSError:
        return None


# ---------------------------------------------------------------- SMTP sink

class SmtpSink:
    """A loopback SMTP server that accepts everything (PIPELINING, 8BITMIME, SIZE) and keeps each message."""

    def __init__(self):
        self.messages = []
        self.connections = 0
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()

        def serve():
            asyncio.set_event_loop(self.loop)
            self.server = self.loop.run_until_complete(asyncio.start_server(self.session, "127.0.0.1", 0))
            self.port = self.server.sockets[0].getsockname()[1]
            ready.set()
            self.loop.run_forever()

        threading.Thread(target=serve, daemon=True).start()
        ready.wait()

    def take(self):
        taken, self.messages = self.messages, []
        connections, self.connections = self.connections, 0
        return taken, connections

    async def session(self, reader, writer):
        self.connections += 1
        writer.write(b"220 sink ESMTP\r\n")
        try:
            while line := await reader.readline():
                verb = line[:4].upper()
                if verb in (b"EHLO", b"HELO"):
                    writer.write(b"250-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-SIZE 52428800\r\n250 SMTPUTF8\r\n")
                elif verb == b"DATA":
                    writer.write(b"354 go on\r\n")
                    await writer.drain()
                    data = bytearray()
                    while (part := await reader.readline()) not in (b".\r\n", b".\n", b""):
                        data += part[1:] if part.startswith(b"..") else part
                    self.messages.append(bytes(data))
                    writer.write(b"250 2.0.0 queued\r\n")
                elif verb == b"QUIT":
                    writer.write(b"221 bye\r\n")
                    await writer.drain()
                    break
                else:
                    writer.write(b"250 ok\r\n")
                await writer.drain()
        except ConnectionError:
            pass
        writer.close()


# ---------------------------------------------------------------- checking

def check(messages, expected):
    """Mails, the items they carry (by link), duplicates (same item or same Message-Id twice), missing, unexpected."""
    found, ids, duplicates, unreadable = [], set(), 0, 0
    for raw in messages:
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        text = []
        for part in msg.walk():
            if part.get_content_maintype() == "text":
                try:
                    text.append(part.get_content())
                except (LookupError, ValueError):
                    pass
        refs = {(int(a), int(b)) for a, b in ITEM_REF.findall(" ".join(text) + str(msg.get("Subject", "")))}
        if len(refs) != 1:
            unreadable += 1
        found.extend(refs)
        message_id = msg.get("Message-Id")
        if message_id:
            if message_id in ids:
                duplicates += 1
            ids.add(message_id)
    items = set(found)
    duplicates += len(found) - len(items)
    return {"mails": len(messages), "items": len(items), "duplicates": duplicates, "unreadable": unreadable,
            "missing": len(expected - items), "unexpected": len(items - expected),
            "exact": len(messages) == len(expected) and items == expected and duplicates == 0 and unreadable == 0}


def read_files(paths):
    out = []
    for p in paths:
        with open(p, "rb") as f:
            out.append(f.read())
    return out


def maildir_files(root):
    return [os.path.join(d, f) for d, _, files in os.walk(root) for f in files
            if os.path.basename(d) in ("new", "cur")]


def pickup_files(root):
    if not os.path.isdir(root):
        return []
    return [os.path.join(root, f) for f in os.listdir(root) if f.endswith(".eml") and not f.startswith(".")]


# ---------------------------------------------------------------- running one pass

def run_process(argv, env, cwd, server, until=None):
    """Starts argv, lets it run until it exits (or `until()` says the work is done, then SIGTERM), returns usage.

    GNU time starts it and reports its CPU and peak RSS: a child forked from this script would inherit the
    script's own high-water mark in its ru_maxrss, while one forked from time inherits time's (~2 MiB).
    """
    started = time.monotonic()
    usage_file = os.path.join(cwd, "usage.txt")
    launcher = subprocess.Popen(["/usr/bin/time", "-f", "%U %S %M", "-o", usage_file] + argv, env=env, cwd=cwd,
                                stdout=open(os.path.join(cwd, "stdout.log"), "ab"), stderr=open(os.path.join(cwd, "stderr.log"), "ab"))
    pid = None
    while pid is None and launcher.poll() is None:
        try:
            with open(f"/proc/{launcher.pid}/task/{launcher.pid}/children") as f:
                pid = int(f.read().split()[0])
        except (OSError, IndexError, ValueError):
            time.sleep(0.001)
    server.reset(pid)
    if until is not None and pid is not None:
        while launcher.poll() is None and not until(started):
            time.sleep(0.1)
        if launcher.poll() is None:
            os.kill(pid, signal.SIGTERM)
    code = launcher.wait()
    with open(usage_file) as f:
        user, system, max_kib = f.read().split("\n")[-2].split()
    return {"cpu": float(user) + float(system), "rss_mib": int(max_kib) / 1024,
            "startup": server.startup_cpu, "wall": time.monotonic() - started, "exit": code,
            "requests": server.requests, "feeds_polled": len(server.seen)}


class Aggregator:
    name = "aggregator"
    modes = ("pickup", "smtp")

    def __init__(self, root, server, mode, sink, args):
        self.root, self.server, self.mode, self.sink, self.args = root, server, mode, sink, args
        cfg = os.path.join(root, "config")
        os.makedirs(cfg)
        self.pickup = os.path.join(root, "pickup")
        smtp = (f"host: 127.0.0.1\n    port: {sink.port}\n    security: none\n" if mode == "smtp" else "host: \"\"\n")
        with open(os.path.join(cfg, "settings.yaml"), "w") as f:
            f.write(f"""settings:
  storage:
    provider: sqlite
    connectionString: "Data Source={os.path.join(root, 'state.db')}"
  polling:
    defaultEvery: 1h
    minEvery: 1m
    timeout: 30s
    perHostConcurrency: 16
  network:
    allowedPrivateNetworks: ["127.0.0.0/8"]
  alerts:
    maxItemAge: 7d
    storyWindow: {args.story_window}
  smtp:
    {smtp}    from: "Aggregator <alerts@example.org>"
    pickupDirectory: {self.pickup}
  console:
    listen: ""
""")
        with open(os.path.join(cfg, "feeds.yaml"), "w") as f:
            f.write("feeds:\n" + "".join(f"  - id: f{n}\n    url: {server.url(n)}\n    every: 1h\n    firstPoll: notify\n"
                                         for n in range(server.feeds.feeds)))
        with open(os.path.join(cfg, "rules.yaml"), "w") as f:
            f.write("rules:\n  - id: bulletins\n    query: bulletin\n    notify: [reader]\n")
        with open(os.path.join(cfg, "subscribers.yaml"), "w") as f:
            f.write("subscribers:\n  - id: reader\n    email: [reader@example.org]\n    digest: immediate\n")
        self.config = cfg

    def count(self):
        return len(self.sink.messages) if self.mode == "smtp" else len(pickup_files(self.pickup))

    def run(self, expected):
        """`run --once`, as the peers run (one pass, then exit); or, with `--aggregator-run resident`, the worker as a
        service: it runs until every feed was polled and its mail is out, then gets SIGTERM."""
        env = dict(os.environ)
        env.update(self.args.env)
        if self.args.aggregator_run == "once":
            return run_process(self.args.aggregator + ["run", "--once", "--config", self.config], env, self.root, self.server)
        feeds = self.server.feeds.feeds
        state = {"count": -1, "changed": time.monotonic()}

        def done(started):
            now = time.monotonic()
            count = self.count()
            if count != state["count"]:
                state["count"], state["changed"] = count, now
            if now - started > self.args.aggregator_timeout:
                return True
            return (len(self.server.seen) >= feeds and count >= expected
                    and now - state["changed"] > 1.5 and now - self.server.last_request > 1.5)

        argv = self.args.aggregator + ["run", "--config", self.config]
        return run_process(argv, env, self.root, self.server, until=done)

    def collect(self, pass_no):
        if self.mode == "smtp":
            return self.sink.take()
        files = pickup_files(self.pickup)
        messages = read_files(files)
        if os.path.isdir(self.pickup):
            shutil.move(self.pickup, os.path.join(self.root, f"pickup-pass{pass_no}"))
        return messages, None


class Rss2email:
    name = "rss2email"
    modes = ("pickup", "smtp")

    def __init__(self, root, server, mode, sink, args):
        self.root, self.server, self.mode, self.sink = root, server, mode, sink
        self.maildir = os.path.join(root, "Maildir")
        self.cfg, self.data = os.path.join(root, "r2e.cfg"), os.path.join(root, "r2e.json")
        out = (f"email-protocol = smtp\nsmtp-server = 127.0.0.1\nsmtp-port = {sink.port}\nsmtp-ssl = False\nsmtp-auth = False\n"
               if mode == "smtp" else f"email-protocol = maildir\nmaildir-path = {self.maildir}\nmaildir-mailbox = INBOX\n")
        with open(self.cfg, "w") as f:
            f.write(f"[DEFAULT]\nto = reader@example.org\nfrom = rss2email@example.org\n{out}")
            for n in range(server.feeds.feeds):
                f.write(f"\n[feed.f{n}]\nurl = {server.url(n)}\n")
        self.env = dict(os.environ, HOME=root)

    def run(self, expected):
        os.makedirs(self.maildir, exist_ok=True)  # rss2email makes the mailbox, not its parent
        return run_process(["r2e", "-c", self.cfg, "-d", self.data, "run"], self.env, self.root, self.server)

    def collect(self, pass_no):
        if self.mode == "smtp":
            return self.sink.take()
        messages = read_files(maildir_files(self.maildir))
        if os.path.isdir(self.maildir):
            shutil.move(self.maildir, os.path.join(self.root, f"Maildir-pass{pass_no}"))
        return messages, None


class Feed2exec:
    name = "feed2exec"
    modes = ("pickup",)  # its outputs are maildir, mbox and exec: no SMTP

    def __init__(self, root, server, mode, sink, args):
        self.root, self.server = root, server
        self.maildir = os.path.join(root, "Maildir")
        self.cfg, self.db = os.path.join(root, "feed2exec.ini"), os.path.join(root, "feed2exec.db")
        with open(self.cfg, "w") as f:
            for n in range(server.feeds.feeds):
                f.write(f"[f{n}]\nurl = {server.url(n)}\noutput = feed2exec.plugins.maildir\nmailbox = {self.maildir}\nfolder = inbox\n"
                        f"args = reader@example.org\n\n")
        self.env = dict(os.environ, HOME=root)

    def run(self, expected):
        return run_process(["feed2exec", "--config", self.cfg, "--database", self.db, "fetch"], self.env, self.root, self.server)

    def collect(self, pass_no):
        messages = read_files(maildir_files(self.maildir))
        if os.path.isdir(self.maildir):
            shutil.move(self.maildir, os.path.join(self.root, f"Maildir-pass{pass_no}"))
        return messages, None


TOOLS = {t.name: t for t in (Aggregator, Rss2email, Feed2exec)}


def check_config_cpu(args):
    """`aggregator check-config` on the bundled config: CPU of three runs."""
    out = []
    for _ in range(3):
        started = time.monotonic()
        proc = subprocess.Popen(args.aggregator + ["check-config", "--config", args.bundled_config],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ, **args.env))
        _, status, usage = os.wait4(proc.pid, 0)
        out.append((usage.ru_utime + usage.ru_stime, time.monotonic() - started, os.waitstatus_to_exitcode(status)))
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--feeds", type=int, default=300)
    p.add_argument("--items", type=int, default=20)
    p.add_argument("--new", type=int, default=30)
    p.add_argument("--tools", default="aggregator,rss2email,feed2exec")
    p.add_argument("--modes", default="pickup,smtp")
    p.add_argument("--aggregator", default="aggregator", help="command that runs the worker, e.g. 'dotnet out/aggregator.dll'")
    p.add_argument("--aggregator-run", choices=("once", "resident"), default="once",
                   help="once: each pass is `run --once`; resident: `run`, stopped with SIGTERM once its mail is out")
    p.add_argument("--aggregator-timeout", type=float, default=300, help="seconds a worker pass may take before it is stopped")
    p.add_argument("--story-window", default="48h", help="the worker's alerts.storyWindow: off alerts every copy without looking for its story")
    p.add_argument("--env", action="append", default=[], help="NAME=VALUE for the worker (repeatable)")
    p.add_argument("--bundled-config", default=os.path.join(os.path.dirname(__file__), "..", "..", "config"))
    p.add_argument("--label", default="", help="printed with the results (e.g. the publish mode)")
    p.add_argument("--keep", action="store_true", help="keep the work directory")
    args = p.parse_args()
    args.aggregator = [os.path.abspath(a) if "/" in a else a for a in args.aggregator.split()]
    args.env = dict(e.split("=", 1) for e in args.env)

    with open("/proc/loadavg") as f:
        load_before = " ".join(f.read().split()[:3])
    work = tempfile.mkdtemp(prefix="side-by-side-")
    results = []
    try:
        for mode in args.modes.split(","):
            for name in args.tools.split(","):
                tool_class = TOOLS[name]
                if mode not in tool_class.modes:
                    continue
                feeds = Feeds(args.feeds, args.items, args.new)
                server = FeedServer(feeds)
                sink = SmtpSink()
                root = os.path.join(work, f"{name}-{mode}")
                os.makedirs(root)
                tool = tool_class(root, server, mode, sink, args)
                passes, previous = [], None
                for pass_no, label in ((1, "all new"), (2, "no change"), (3, "new items")):
                    if pass_no == 3:
                        feeds.publish_new()
                    expected = feeds.expected(previous, feeds.generation)
                    usage = tool.run(len(expected))
                    messages, connections = tool.collect(pass_no)
                    usage.update(check(messages, expected), expected=len(expected), smtp_connections=connections)
                    passes.append(usage)
                    previous = feeds.generation
                    print(f"{name:10} {mode:6} pass {pass_no} ({label:9}): {usage['mails']:5} mails "
                          f"(expected {len(expected)}, dup {usage['duplicates']}, missing {usage['missing']}, "
                          f"unexpected {usage['unexpected']}{', exact' if usage['exact'] else ', NOT EXACT'}) "
                          f"cpu {usage['cpu']:.2f} s, start-up {usage['startup'] or 0:.2f} s, peak RSS {usage['rss_mib']:.1f} MiB, "
                          f"wall {usage['wall']:.1f} s, exit {usage['exit']}, requests {usage['requests']}"
                          + (f", SMTP connections {connections}" if connections is not None else ""), flush=True)
                results.append((name, mode, passes))
                server.httpd.shutdown()
        config_runs = check_config_cpu(args) if "aggregator" in args.tools else []
    finally:
        if args.keep:
            print(f"work directory kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    with open("/proc/loadavg") as f:
        load_after = " ".join(f.read().split()[:3])
    items = args.feeds * args.items + args.new
    print()
    print(f"Side by side {args.label} (aggregator run {args.aggregator_run}): {args.feeds} feeds x {args.items} items, then no change, then {args.new} new; "
          f"load average before {load_before}, after {load_after}")
    print("CPU per 1,000 items: all three passes over their {0:,} items; pass 1 alone over its {1:,}; "
          "steady: the same less each pass's start-up CPU".format(items, args.feeds * args.items))
    header = ("tool", "output", "CPU/1k all", "CPU/1k pass 1", "steady/1k", "start-up CPU", "peak RSS", "CPU pass 1/2/3", "exact")
    rows = []
    for name, mode, passes in results:
        cpu = sum(p["cpu"] for p in passes)
        startup = [p["startup"] or 0 for p in passes]
        rows.append((name, mode,
                     f"{cpu / items * 1000:.2f} s", f"{passes[0]['cpu'] / (args.feeds * args.items) * 1000:.2f} s",
                     f"{(cpu - sum(startup)) / items * 1000:.2f} s", f"{statistics.median(startup):.2f} s",
                     f"{max(p['rss_mib'] for p in passes):.1f} MiB",
                     " / ".join(f"{p['cpu']:.2f}" for p in passes),
                     "yes" if all(p["exact"] for p in passes) else "NO"))
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    for r in [header] + rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |")
    if config_runs:
        print("aggregator check-config on the bundled config: CPU " +
              ", ".join(f"{c:.2f} s (wall {w:.2f} s, exit {e})" for c, w, e in config_runs))
    return 0 if all(all(p["exact"] for p in passes) for _, _, passes in results) else 1


if __name__ == "__main__":
    sys.exit(main())
