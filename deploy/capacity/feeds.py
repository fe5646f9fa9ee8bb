"""Loopback feed server for the capacity measurement: /feed/N serves a 20-item RSS feed with an ETag
(answering 304 to a matching If-None-Match, as most real polls end); /count returns the requests served."""
import http.server, sys, threading

lock = threading.Lock()
served = [0]


def body(n):
    items = ''.join(
        '<item><title>Story %d of feed %s</title><link>https://news.example.org/%s/%d</link>'
        '<guid>%s-%d</guid><description>Harbour and festival news number %d.</description></item>' % (i, n, n, i, n, i, i)
        for i in range(20))
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Feed %s</title>'
            '<link>https://news.example.org/</link><description>d</description>%s</channel></rss>' % (n, items)).encode()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def do_GET(self):
        if self.path == '/count':
            self.reply(200, str(served[0]).encode(), None)
            return
        with lock:
            served[0] += 1
        if self.headers.get('If-None-Match') == '"v1"':
            self.reply(304, b'', None)
        else:
            self.reply(200, body(self.path.rsplit('/', 1)[-1]), '"v1"')

    def reply(self, status, payload, etag):
        self.send_response(status)
        if etag:
            self.send_header('ETag', etag)
        self.send_header('Content-Type', 'application/rss+xml')
        self.send_header('Content-Length', str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), Handler)
server.daemon_threads = True
server.serve_forever()
