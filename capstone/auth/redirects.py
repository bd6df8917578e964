r"""The `next` parameter after login: only ever a path on this site.

Browsers read `//evil.com` and `/\evil.com` as "another host", and `http:/evil.com`
or `javascript:...` are not paths at all. Anything that is not plainly a local path
is replaced by the dashboard.
"""

from urllib.parse import urlsplit


def is_safe_path(target):
    """True only for a relative path on this site: '/projects/3?page=2'."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return False
    if any(ch in target for ch in "\\\r\n\t") or any(ord(ch) < 32 for ch in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc
