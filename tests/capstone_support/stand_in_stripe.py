"""A local HTTP server standing in for Stripe's API, for the tests of billing.

The capstone talks to it through the `stripe` library itself, pointed here by the
STRIPE_API_BASE setting (the library's `base_addresses`), so the library's own request
encoding, headers and response parsing all run. The stand-in checks what Stripe checks
for the three calls the capstone makes (a secret key, known customers and prices, the
required parameters), records every request for the tests to read, and answers in the
shape of Stripe's API reference (https://docs.stripe.com/api): the customer, Checkout
Session and Billing Portal session objects, and `{"error": {...}}` with 400 or 401.
Its Checkout and Portal URLs lead to pages of its own, so a browser can follow them.
"""

import json
import threading
import time
from dataclasses import dataclass
from dataclasses import field
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from itertools import count

from capstone_support.stripe_forms import nested

SECRET_KEY = "sk_test_stand_in"
PRO_PRICE = "price_stand_in_pro"
CHECKOUT_MODES = ("payment", "setup", "subscription")


class StripeError(Exception):
    """An answer of Stripe's error shape: status, type, message and the parameter at fault."""

    def __init__(self, status, message, param=None, code=None):
        super().__init__(message)
        self.status = status
        self.body = {"error": {"type": "invalid_request_error", "message": message}}
        self.body["error"] |= {"param": param} if param else {}
        self.body["error"] |= {"code": code} if code else {}


@dataclass
class Request:
    """One request the stand-in received: method, path, parameters and headers."""

    method: str
    path: str
    params: dict
    headers: dict


@dataclass
class StandInStripe:
    """What the stand-in knows (customers, prices) and what it was sent (`requests`)."""

    url: str = ""
    prices: set = field(default_factory=lambda: {PRO_PRICE})
    customers: dict = field(default_factory=dict)
    requests: list = field(default_factory=list)
    ids: count = field(default_factory=lambda: count(1))

    def calls(self, path):
        """The parameters of every request made to `path`, oldest first."""
        return [request.params for request in self.requests if request.path == path]

    def new_id(self, prefix):
        """An id in Stripe's style: a prefix, an underscore, letters and digits."""
        return f"{prefix}_test{next(self.ids):06d}"

    def customer(self, params):
        """POST /v1/customers: any parameters; the customer is remembered."""
        customer = base(self.new_id("cus"), "customer")
        customer |= {key: params.get(key) for key in ("email", "name")}
        customer["metadata"] = params.get("metadata", {})
        self.customers[customer["id"]] = customer
        return customer

    def known_customer(self, params):
        """The `customer` parameter, which must name a customer made here."""
        if not params.get("customer"):
            raise StripeError(400, "Missing required param: customer.", "customer")
        if params["customer"] not in self.customers:
            message = f"No such customer: '{params['customer']}'"
            raise StripeError(400, message, "customer", "resource_missing")
        return params["customer"]

    def checkout_session(self, params):
        """POST /v1/checkout/sessions, checked as Stripe checks a hosted session."""
        if params.get("mode") not in CHECKOUT_MODES:
            raise StripeError(400, "Missing required param: mode.", "mode")
        customer = self.known_customer(params)
        items = params.get("line_items") or []
        if params["mode"] == "subscription" and not items:
            raise StripeError(400, "line_items is required in subscription mode", "line_items")
        for number, item in enumerate(items):
            if item.get("price") not in self.prices:
                message = f"No such price: '{item.get('price')}'"
                raise StripeError(400, message, f"line_items[{number}][price]", "resource_missing")
        for name in ("success_url", "cancel_url"):
            if not params.get(name, "https://").startswith(("http://", "https://")):
                raise StripeError(400, f"Not a valid URL: {name}", name, "url_invalid")
        session = base(self.new_id("cs"), "checkout.session")
        session |= {key: params.get(key) for key in ("client_reference_id", "mode")}
        session |= {key: params.get(key) for key in ("success_url", "cancel_url")}
        session |= {"customer": customer, "metadata": params.get("metadata", {})}
        session |= {"status": "open", "payment_status": "unpaid", "subscription": None}
        session["url"] = f"{self.url}/pay/{session['id']}"
        return session

    def portal_session(self, params):
        """POST /v1/billing_portal/sessions: a known customer, an optional return_url."""
        session = base(self.new_id("bps"), "billing_portal.session")
        session |= {"customer": self.known_customer(params)}
        session |= {"return_url": params.get("return_url"), "configuration": "bpc_stand_in"}
        session["url"] = f"{self.url}/portal/{session['id']}"
        return session


def base(object_id, kind):
    """The fields every Stripe object has."""
    return {"id": object_id, "object": kind, "created": int(time.time()), "livemode": False}


ROUTES = {
    "/v1/customers": StandInStripe.customer,
    "/v1/checkout/sessions": StandInStripe.checkout_session,
    "/v1/billing_portal/sessions": StandInStripe.portal_session,
}


class Handler(BaseHTTPRequestHandler):
    """Stripe's API for the routes above, and a plain page for its hosted pages."""

    stripe: StandInStripe  # set on the subclass made for each server

    def do_POST(self):
        """Check the key, record the request, answer with the object or an error."""
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        params = nested(body)
        self.stripe.requests.append(Request("POST", self.path, params, dict(self.headers)))
        try:
            if self.headers.get("Authorization") != f"Bearer {SECRET_KEY}":
                raise StripeError(401, "Invalid API Key provided.")
            if self.path not in ROUTES:
                raise StripeError(404, f"Unrecognized request URL (POST: {self.path}).")
            self.answer(200, ROUTES[self.path](self.stripe, params))
        except StripeError as error:
            self.answer(error.status, error.body)

    def do_GET(self):
        """The hosted Checkout and Portal pages: a title naming the session."""
        kind = "Checkout" if self.path.startswith("/pay/") else "Customer Portal"
        page = f"<!doctype html><title>Stand-in Stripe {kind}</title><h1>{kind}</h1>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(page.encode())

    def answer(self, status, document):
        """JSON, with the Request-Id header Stripe sends."""
        body = json.dumps(document).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Request-Id", "req_stand_in")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        """Quiet: the tests read `requests` instead."""


def start():
    """A running stand-in on a free port of 127.0.0.1; `stop` it when done."""
    stripe = StandInStripe()
    server = ThreadingHTTPServer(("127.0.0.1", 0), type("Bound", (Handler,), {"stripe": stripe}))
    stripe.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return stripe, server


def stop(server):
    """Stop serving and close the socket."""
    server.shutdown()
    server.server_close()
