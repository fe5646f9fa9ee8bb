"""Loopback feed server and webhook receiver for the capacity measurements (compare.sh).

    python3 feeds.py PORT [--feeds N] [--pids FILE]

GET  /feed/N        a 20-item RSS feed with an ETag; 304 to a matching If-None-Match, as most real polls end
GET  /count         feed requests served so far
GET  /now           the server's clock (time.time())
GET  /polled        how many distinct feeds have been requested so far
GET  /requests      every feed request as [feed, time, pid, status]; pid is the process that owns the client socket
                    (looked up in /proc once per connection among the pids listed in --pids FILE, 0 if unknown)
POST /publish/start?every=3&share=0.1   from now on, every `every` s add one new item to a random `share` of the
                    N feeds (--feeds); each item has its own guid
POST /publish/stop
GET  /published     the items added, as [feed, guid, time]
POST /hook          webhook receiver: records the webhook-id header and data.item.id (or each of
                    data.alerts[].item.id); answers 204
GET  /hooks         the deliveries received, as [time, webhook-id, type, [item ids]]
"""
import argparse, http.server, json, os, random, threading, time, urllib.parse

parser = argparse.ArgumentParser()
parser.add_argument('port', type=int)
parser.add_argument('--feeds', type=int, default=0)
parser.add_argument('--pids', default=None)
args = parser.parse_args()

lock = threading.Lock()
served = [0]
requests = []          # [feed, time, pid, status]
polled = set()
published = []         # [feed, guid, time]
hooks = []             # [time, webhook-id, type, [item ids]]
extra = {}             # feed -> list of (guid, n) newest last
publishing = {'on': False, 'every': 3.0, 'share': 0.1, 'seq': 0}
BASE = 20


def version(feed):
    return len(extra.get(feed, ()))


def item_xml(title, link, guid, desc):
    return ('<item><title>%s</title><link>%s</link><guid isPermaLink="false">%s</guid>'
            '<description>%s</description></item>' % (title, link, guid, desc))


def body(feed):
    with lock:
        added = list(extra.get(feed, ()))
    items = [item_xml('Fresh story %d of feed %s' % (n, feed), 'https://news.example.org/%s/p%d' % (feed, n), guid,
                      'Breaking news number %d.' % n) for guid, n in reversed(added)]
    items += [item_xml('Story %d of feed %s' % (i, feed), 'https://news.example.org/%s/%d' % (feed, i), '%s-%d' % (feed, i),
                       'Harbour and festival news number %d.' % i) for i in range(BASE)]
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Feed %s</title>'
            '<link>https://news.example.org/</link><description>d</description>%s</channel></rss>'
            % (feed, ''.join(items[:BASE]))).encode()


def publisher():
    while True:
        time.sleep(publishing['every'])
        if not publishing['on'] or args.feeds <= 0:
            continue
        k = max(1, round(args.feeds * publishing['share']))
        now = time.time()
        with lock:
            for f in random.sample(range(args.feeds), min(k, args.feeds)):
                feed = str(f)
                publishing['seq'] += 1
                n = publishing['seq']
                guid = 'pub-%s-%d' % (feed, n)
                extra.setdefault(feed, []).append((guid, n))
                published.append([feed, guid, now])


def owner(peer_port):
    """The pid whose socket is 127.0.0.1:peer_port -> 127.0.0.1:args.port, or 0."""
    local, remote = '0100007F:%04X' % peer_port, '0100007F:%04X' % args.port
    inode = None
    try:
        with open('/proc/net/tcp') as f:
            for line in f:
                parts = line.split()
                if len(parts) > 9 and parts[1] == local and parts[2] == remote:
                    inode = parts[9]
                    break
    except OSError:
        return 0
    if not inode or not args.pids:
        return 0
    try:
        with open(args.pids) as f:
            pids = f.read().split()
    except OSError:
        return 0
    target = 'socket:[%s]' % inode
    for pid in pids:
        try:
            for fd in os.listdir('/proc/%s/fd' % pid):
                try:
                    if os.readlink('/proc/%s/fd/%s' % (pid, fd)) == target:
                        return int(pid)
                except OSError:
                    pass
        except OSError:
            pass
    return 0


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    pid = None

    def do_GET(self):
        path = urllib.parse.urlsplit(self.path).path
        if path.startswith('/feed/'):
            feed = path.rsplit('/', 1)[-1]
            if self.pid is None:
                self.pid = owner(self.client_address[1])
            now = time.time()
            with lock:
                etag = '"v%d"' % version(feed)
                status = 304 if self.headers.get('If-None-Match') == etag else 200
                served[0] += 1
                polled.add(feed)
                requests.append([feed, now, self.pid, status])
            if status == 304:
                self.reply(304, b'', etag)
            else:
                self.reply(200, body(feed), etag, 'application/rss+xml')
        elif path == '/count':
            self.reply(200, str(served[0]).encode())
        elif path == '/polled':
            self.reply(200, str(len(polled)).encode())
        elif path == '/now':
            self.reply(200, repr(time.time()).encode())
        elif path == '/requests':
            with lock:
                data = json.dumps(requests)
            self.reply(200, data.encode(), ctype='application/json')
        elif path == '/published':
            with lock:
                data = json.dumps(published)
            self.reply(200, data.encode(), ctype='application/json')
        elif path == '/hooks':
            with lock:
                data = json.dumps(hooks)
            self.reply(200, data.encode(), ctype='application/json')
        else:
            self.reply(404, b'not found')

    def do_POST(self):
        parts = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get('Content-Length') or 0)
        payload = self.rfile.read(length) if length else b''
        if parts.path == '/hook':
            ids, kind = [], None
            try:
                doc = json.loads(payload)
                kind = doc.get('type')
                data = doc.get('data') or {}
                for alert in data.get('alerts') or [data]:
                    ids.append(((alert.get('item') or {}).get('id')))
            except ValueError:
                kind = 'unparsable'
            with lock:
                hooks.append([time.time(), self.headers.get('webhook-id'), kind, ids])
            self.reply(204, b'')
        elif parts.path == '/publish/start':
            q = urllib.parse.parse_qs(parts.query)
            publishing['every'] = float(q.get('every', ['3'])[0])
            publishing['share'] = float(q.get('share', ['0.1'])[0])
            publishing['on'] = True
            self.reply(200, b'publishing')
        elif parts.path == '/publish/stop':
            publishing['on'] = False
            self.reply(200, b'stopped')
        else:
            self.reply(404, b'not found')

    def reply(self, status, payload, etag=None, ctype='text/plain'):
        self.send_response(status)
        if etag:
            self.send_header('ETag', etag)
        if status != 204:
            self.send_header('Content-Type', ctype)
            self.send_header('Content-Length', str(len(payload)))
        self.end_headers()
        if status not in (204, 304):
            self.wfile.write(payload)

    def log_message(self, *a):
        pass


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512


threading.Thread(target=publisher, daemon=True).start()
Server(('127.0.0.1', args.port), Handler).serve_forever()
