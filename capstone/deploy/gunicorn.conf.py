"""gunicorn's settings for the capstone: `gunicorn -c capstone/deploy/gunicorn.conf.py`.

gunicorn reads this file as Python. Every value can be overridden on the command line
or by an environment variable (WEB_CONCURRENCY, PORT, ...), read below.

Why these choices:

* Threaded workers (`gthread`): a WebSocket (capstone/realtime) holds a thread for as
  long as the page is open, so each worker has a pool of threads, not one.
* Each worker builds its own app after the fork (`preload_app = False`). Built once
  in the master and forked, the workers would share what the app made at start-up:
  the database pool's open connections (two processes talking over one socket), and
  the identity the Socket.IO message queue gives each server so that it can skip its
  own messages; sharing it, the workers would skip each other's events as well.
  tests/capstone/deploy/test_smoke.py caught exactly that, with preloading on.
* Behind nginx, never facing clients. A gthread worker gives a thread to a connection
  as soon as it has sent something, and gunicorn has no timeout for the rest of the
  headers or the body: a few hundred clients sending a byte now and then hold every
  thread. nginx reads whole requests before passing them on, with timeouts
  (nginx.conf). And the app believes X-Forwarded-For from its one proxy: a client
  talking to gunicorn directly could name any address, and so escape the login
  throttle's per-address limit.
"""

import multiprocessing
import os

wsgi_app = "capstone.wsgi:application"
# Loopback by default: only nginx, on the same host, may reach gunicorn (see below).
# The image sets HOST=0.0.0.0, so that nginx reaches it over the compose network.
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"

# The usual rule of thumb, 2 x cores + 1, capped: each worker holds its own app and pool.
workers = int(os.environ.get("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 9)))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", 25))
preload_app = False  # see above: nothing made in the master is shared

# A request that takes longer than this is killed (and logged); a restart or deploy
# gives running requests this long to finish before their worker is stopped.
timeout = 60
graceful_timeout = 30
keepalive = 5

# Logs to stdout and stderr, one line each, for the container runtime to collect.
accesslog = "-"
errorlog = "-"
# %(p)s, the worker's pid: which worker served a request (the smoke test reads it).
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms pid=%(p)s "%(a)s"'
# The proxy in front (nginx) is on loopback or the compose network; gunicorn then
# trusts its X-Forwarded-* headers only from there. The app's ProxyFix does the rest.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
