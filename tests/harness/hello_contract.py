"""What every stage's hello app promises, in one place: the contract suite checks these values.

Stages 01 to 06 serve the same small app, so the difference between two stages is
the layer they use, never the behaviour. A learner's own app passes the contract
when it behaves the same way.
"""

# /greet with no name (or a blank one) greets this name.
DEFAULT_NAME = "World"
# A request body above this many bytes gets 413 Request Entity Too Large.
MAX_BODY_BYTES = 1024 * 1024
# The routes the welcome page links to, and the methods each answers.
ROUTES = {
    "/": ("GET", "HEAD"),
    "/hello/<name>": ("GET", "HEAD"),
    "/greet": ("GET", "HEAD"),
    "/submit": ("POST",),
}
# Hostile text to reflect: none of it may come back as markup.
HOSTILE = '<script>alert("x")</script>'
