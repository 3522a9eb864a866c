#!/usr/bin/env python3
"""The cluster fault test's news site.

One process answers for several hosts (the names the container has on the compose network, in
SITE_HOSTS). Every host has an RSS feed at /feed.xml that grows while the site publishes: every
SITE_EVERY_S seconds the next host in turn publishes a new article, which names countries and
persons. The feed lists a host's newest SITE_FEED_ITEMS articles.

Control, for the test only (the port is published on 127.0.0.1 alone):
  GET  /_site/published   every article URL published so far, one per line, in order
  POST /_site/pause       stop publishing (the feeds stay as they are); SITE_START_PAUSED=1 starts so
  POST /_site/resume      publish again
  GET  /_site/stats       JSON: published, article requests served, paused
"""

import json
import os
import threading
import time
from datetime import datetime, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

HOSTS = os.environ.get("SITE_HOSTS", "wire.news.test herald.news.test globe.news.test").split()
EVERY_S = float(os.environ.get("SITE_EVERY_S", "2"))
FEED_ITEMS = int(os.environ.get("SITE_FEED_ITEMS", "200"))
PORT = int(os.environ.get("SITE_PORT", "80"))
START_PAUSED = os.environ.get("SITE_START_PAUSED", "") == "1"

COUNTRIES = ["France", "Germany", "Japan", "Brazil", "Kenya", "India", "Canada", "Mexico", "Egypt",
             "Norway", "Chile", "Vietnam", "Poland", "Nigeria", "Australia", "Indonesia"]
PERSONS = ["Angela Merkel", "Emmanuel Macron", "Narendra Modi", "Justin Trudeau", "Jacinda Ardern",
           "Olaf Scholz", "Lula da Silva", "Fumio Kishida", "Cyril Ramaphosa", "Antonio Guterres"]
TOPICS = ["grain exports", "port strikes", "rail freight", "solar tariffs", "fishing quotas",
          "water rights", "chip supply", "shipping insurance", "border crossings", "wheat prices"]

lock = threading.Lock()
articles = []  # (number, host, published datetime), in publication order
served = {"articles": 0, "feeds": 0}
paused = threading.Event()


def article_path(number):
    return f"/news/{number:05d}.html"


def article_url(number, host):
    return f"http://{host}{article_path(number)}"


def body(number, host, published):
    country_a = COUNTRIES[number % len(COUNTRIES)]
    country_b = COUNTRIES[(number * 7 + 3) % len(COUNTRIES)]
    person_a = PERSONS[number % len(PERSONS)]
    person_b = PERSONS[(number * 3 + 1) % len(PERSONS)]
    topic = TOPICS[number % len(TOPICS)]
    title = f"{country_a} and {country_b} agree on {topic} (report {number})"
    paragraphs = [
        f"Negotiators from {country_a} and {country_b} reached an agreement on {topic} late on "
        f"Tuesday, ending months of talks that had unsettled markets across the region.",
        f"{person_a} said the deal would give producers in {country_a} room to plan for the coming "
        f"season, while officials in {country_b} stressed that the terms would be reviewed every year.",
        f"{person_b} welcomed the outcome in a short statement and called on other governments to "
        f"follow the example set by {country_a} and {country_b} on {topic}.",
        f"Analysts noted that the agreement leaves several questions open, among them how disputes "
        f"will be settled and who will pay for the monitoring that both sides have promised. "
        f"Report number {number} was filed from the {host} newsroom.",
    ]
    stamp = published.isoformat()
    html = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        f'<link rel="canonical" href="{article_url(number, host)}">',
        f'<meta property="article:published_time" content="{stamp}">',
        '<meta name="author" content="Newsroom Staff">',
        "</head><body>",
        '<nav><a href="/">Home</a> <a href="/world/">World</a> <a href="/business/">Business</a></nav>',
        f"<article><h1>{escape(title)}</h1>",
        f'<p class="byline">By Newsroom Staff, <time datetime="{stamp}">{stamp}</time></p>',
    ]
    html += [f"<p>{escape(p)}</p>" for p in paragraphs]
    html += ["</article>", "<footer>Copyright the newsroom. All rights reserved.</footer>", "</body></html>"]
    return "\n".join(html).encode("utf-8")


def feed(host):
    with lock:
        own = [a for a in articles if a[1] == host][-FEED_ITEMS:]
    items = []
    for number, _, published in reversed(own):
        url = article_url(number, host)
        items.append(f"<item><title>Report {number}</title><link>{url}</link><guid>{url}</guid>"
                     f"<pubDate>{format_datetime(published)}</pubDate></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>{host}</title><link>http://{host}/</link><description>News from {host}</description>"
            + "".join(items) + "</channel></rss>").encode("utf-8")


def publish_forever():
    number = 0
    while True:
        time.sleep(EVERY_S)
        if paused.is_set():
            continue
        with lock:
            number += 1
            articles.append((number, HOSTS[number % len(HOSTS)], datetime.now(timezone.utc).replace(microsecond=0)))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        host = (self.headers.get("Host") or "").split(":")[0]
        path = self.path.split("?")[0]
        if path == "/_site/published":
            with lock:
                text = "".join(article_url(n, h) + "\n" for n, h, _ in articles)
            return self.send(200, "text/plain; charset=utf-8", text.encode("utf-8"))
        if path == "/_site/stats":
            with lock:
                stats = {"published": len(articles), "articleRequests": served["articles"],
                         "feedRequests": served["feeds"], "paused": paused.is_set()}
            return self.send(200, "application/json", json.dumps(stats).encode("utf-8"))
        if host not in HOSTS:
            return self.send(404, "text/plain", b"unknown host\n")
        if path == "/robots.txt":
            return self.send(200, "text/plain", b"User-agent: *\nDisallow:\n")
        if path == "/feed.xml":
            with lock:
                served["feeds"] += 1
            return self.send(200, "application/rss+xml; charset=utf-8", feed(host))
        if path.startswith("/news/") and path.endswith(".html"):
            with lock:
                found = next((a for a in articles if a[1] == host and article_path(a[0]) == path), None)
                if found:
                    served["articles"] += 1
            if found:
                return self.send(200, "text/html; charset=utf-8", body(*found))
        return self.send(404, "text/plain", b"not found\n")

    def do_POST(self):
        if self.path == "/_site/pause":
            paused.set()
        elif self.path == "/_site/resume":
            paused.clear()
        else:
            return self.send(404, "text/plain", b"not found\n")
        return self.send(204, "text/plain", b"")

    def send(self, status, content_type, payload):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if payload:
            self.wfile.write(payload)

    def log_message(self, *args):
        pass  # thousands of polls; the stats endpoint counts them instead


if __name__ == "__main__":
    if START_PAUSED:
        paused.set()
    threading.Thread(target=publish_forever, name="publisher", daemon=True).start()
    ThreadingHTTPServer(("0.0.0.0", PORT), Handler).serve_forever()
