"""The reference's layers and the exercises' new ones, as one package.

Only the new layers are written here. `__path__` is the list of folders Python
searches for this package's modules; adding the reference's folder to it makes
`wsgi_middleware.body` and the others the reference's files, unchanged.
"""

from pathlib import Path

__path__.append(str(Path(__file__).resolve().parents[5] / "02_middleware" / "wsgi_middleware"))

# The names the reference's package exports, from the reference's modules.
from wsgi_middleware.basic_auth import BasicAuth  # noqa: E402 (after __path__ is set)
from wsgi_middleware.body import ClosingBody  # noqa: E402
from wsgi_middleware.error_pages import ErrorPages  # noqa: E402
from wsgi_middleware.request_log import RequestLog  # noqa: E402
from wsgi_middleware.timing import Timing  # noqa: E402

__all__ = ["BasicAuth", "ClosingBody", "ErrorPages", "RequestLog", "Timing"]
