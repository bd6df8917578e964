"""Stage 02's mistakes: the middleware chain (INSTRUCTORS.md's table, and the walk-throughs)."""

from mutants.mistake import Mistake

BODY = "wsgi_middleware/body.py"
AUTH = "wsgi_middleware/basic_auth.py"
ERRORS = "wsgi_middleware/error_pages.py"

MISTAKES = [
    Mistake(
        "the-body-joined-into-a-list",
        BODY,
        "watched = ClosingBody(body, on_close=",
        "watched = ClosingBody([b''.join(body)], on_close=",
        "tests/02_middleware/test_chain.py",
        r"one chunk|one at a time",
    ),
    Mistake(
        "close-not-passed-on",
        BODY,
        "                self._iterable.close()\n",
        "                pass\n",
        "tests/02_middleware/test_body.py",
        r"inner close\(\)",
    ),
    Mistake(
        "closed-twice",
        BODY,
        "        if self._closed:\n            return\n",
        "",
        "tests/02_middleware/test_body.py",
        r"second time",
    ),
    Mistake(
        "on-close-skipped-when-close-raises",
        BODY,
        '        try:\n            if hasattr(self._iterable, "close"):\n'
        "                self._iterable.close()\n        finally:\n",
        '        if hasattr(self._iterable, "close"):\n            self._iterable.close()\n'
        "        if True:\n",
        "tests/02_middleware/test_body.py",
        r"finally",
    ),
    Mistake(
        "status-kept-before-the-server-accepted-it",
        BODY,
        "        write = start_response(status, headers, exc_info)\n"
        "        # Only now: with exc_info, a server that has sent its headers raises instead.\n"
        '        sent["status"] = status\n',
        '        sent["status"] = status\n'
        "        write = start_response(status, headers, exc_info)\n",
        "tests/02_middleware/test_body.py",
        r"only after the real start_response",
    ),
    Mistake(
        "error-page-without-exc-info",
        ERRORS,
        "start_response(STATUS, headers, exc_info)",
        "start_response(STATUS, headers)",
        "tests/02_middleware/test_error_pages.py",
        r"exc_info",
    ),
    Mistake(
        "base-exception-caught",
        ERRORS,
        "        except Exception:\n            return [self.error_page(",
        "        except BaseException:\n            return [self.error_page(",
        "tests/02_middleware/test_error_pages.py",
        r"not BaseException",
    ),
    Mistake(
        "auth-outside-the-log",
        "app.py",
        "    return RequestLog(app, stream=log_stream)",
        '    return BasicAuth(RequestLog(app, stream=log_stream), protected=("/secret",))',
        "tests/02_middleware/test_chain.py",
        r"BasicAuth inside RequestLog",
    ),
    Mistake(
        "password-split-at-the-last-colon",
        AUTH,
        'decoded.partition(":")',
        'decoded.rpartition(":")',
        "tests/02_middleware/test_basic_auth.py",
        r"first colon",
    ),
    Mistake(
        "secretary-protected-too",
        AUTH,
        'path == p or path.startswith(p.rstrip("/") + "/")',
        "path.startswith(p)",
        "tests/02_middleware/test_basic_auth.py",
        r"not '/secretary'",
    ),
    Mistake(
        "the-password-skipped-for-a-wrong-user",
        AUTH,
        "        user_ok = hmac.compare_digest(user.encode(), self.user.encode())\n"
        "        password_ok = hmac.compare_digest(password.encode(), self.password.encode())\n"
        "        return user_ok and password_ok",
        "        return hmac.compare_digest(user.encode(), self.user.encode()) and "
        "hmac.compare_digest(password.encode(), self.password.encode())",
        "tests/02_middleware/test_basic_auth.py",
        r"both",
    ),
]
