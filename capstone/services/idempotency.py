"""Idempotency keys: a create retried with the same key is answered, not done, again.

A client whose POST timed out cannot know whether it happened; sending it again with
the same `Idempotency-Key` is safe. The key is written in the same transaction as the
create itself, so the two are committed together or not at all: a request that failed
leaves its key free, and one that succeeded cannot be done again, even if the server
died before it could keep the answer. A copy arriving while the first runs waits for
its commit (the key's unique index), then gets the kept answer, or a 409 while there
is none yet. Keys are kept for KEPT_FOR.
"""

import hashlib
from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy import select
from sqlalchemy import update

from capstone.database import db
from capstone.models import IdempotencyKey
from capstone.models.base import utcnow

KEPT_FOR = timedelta(hours=24)


class InProgress(Exception):
    """A request with this key was received, and its answer is not kept (yet)."""


class Mismatch(Exception):
    """The key was used for another request (another path or body)."""


def fingerprint(method, path, parts):
    """A digest of what makes two requests the same one: method, path, and body parts."""
    digest = hashlib.sha256(f"{method} {path}".encode())
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def reserve(user, key, print_):
    """Take `key` for this request, uncommitted: None to go ahead, or the kept (status, body).

    The caller's change commits the key with it. Raises InProgress while a copy's answer
    is not kept, Mismatch if the key belongs to another request.
    """
    now = utcnow()
    db.session.execute(delete(IdempotencyKey).where(IdempotencyKey.created_at < now - KEPT_FOR))
    values = {"user_id": user.id, "key": key, "fingerprint": print_, "created_at": now}
    if db.insert_unless_taken(IdempotencyKey, **values) is not None:
        return None
    kept = db.session.scalar(
        select(IdempotencyKey).where(IdempotencyKey.user_id == user.id, IdempotencyKey.key == key)
    )
    db.session.rollback()  # nothing of this request is to be written
    if kept is None:  # expired and purged by another request in between: as if running
        raise InProgress
    if kept.fingerprint != print_:
        raise Mismatch
    if kept.status is None:
        raise InProgress
    return kept.status, kept.body


def record(user, key, status, body):
    """Keep the answer of the request that took `key`: copies get it from now on."""
    db.session.execute(
        update(IdempotencyKey)
        .where(IdempotencyKey.user_id == user.id, IdempotencyKey.key == key)
        .values(status=status, body=body)
    )
    db.session.commit()
