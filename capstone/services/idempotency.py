"""Idempotency keys: a create retried with the same key is answered, not done, again.

A client whose POST timed out cannot know whether it happened; sending it again with
the same `Idempotency-Key` is safe. The key is reserved before the request runs (the
database's unique constraint decides between two copies racing), the answer is kept
with it for KEPT_FOR, and a copy gets that answer. Only successful answers are kept:
a request that failed may be sent again, fixed, with the same key.

If the server died between doing the request and keeping its answer, the key stays
reserved without one: copies are told to wait (409) until it is STALE, then run.
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
STALE = timedelta(minutes=1)  # a reservation without an answer after this was abandoned


class InProgress(Exception):
    """A request with this key is running now."""


class Mismatch(Exception):
    """The key was used for another request (another path or body)."""


def fingerprint(method, path, body):
    """A digest of what makes two requests the same one."""
    digest = hashlib.sha256(f"{method} {path}\n".encode())
    digest.update(body)
    return digest.hexdigest()


def reserve(user, key, print_):
    """Reserve `key` for this request: None to go ahead, or the kept (status, body) to replay.

    Raises InProgress while a copy runs, Mismatch if the key belongs to another request.
    """
    now = utcnow()
    db.session.execute(delete(IdempotencyKey).where(IdempotencyKey.created_at < now - KEPT_FOR))
    values = {"user_id": user.id, "key": key, "fingerprint": print_, "created_at": now}
    reserved = db.insert_unless_taken(IdempotencyKey, **values)
    db.session.commit()  # visible to copies before this request does anything
    if reserved is not None:
        return None
    kept = db.session.scalar(
        select(IdempotencyKey).where(IdempotencyKey.user_id == user.id, IdempotencyKey.key == key)
    )
    if kept is None:  # expired and purged between the two statements: try once more
        return reserve(user, key, print_)
    if kept.fingerprint != print_:
        raise Mismatch
    if kept.status is not None:
        return kept.status, kept.body
    # Abandoned (no answer after STALE): the one copy whose UPDATE matches takes it over.
    taken_over = db.session.execute(
        update(IdempotencyKey)
        .where(
            IdempotencyKey.id == kept.id,
            IdempotencyKey.status.is_(None),
            IdempotencyKey.created_at < now - STALE,
        )
        .values(created_at=now)
    )
    db.session.commit()
    if taken_over.rowcount != 1:
        raise InProgress
    return None


def record(user, key, status, body):
    """Keep the answer of the request that reserved `key`."""
    kept = db.session.scalar(
        select(IdempotencyKey).where(IdempotencyKey.user_id == user.id, IdempotencyKey.key == key)
    )
    kept.status, kept.body = status, body
    db.session.commit()


def release(user, key):
    """Give `key` up after a failed request, so that it can be sent again."""
    db.session.rollback()
    db.session.execute(
        delete(IdempotencyKey).where(IdempotencyKey.user_id == user.id, IdempotencyKey.key == key)
    )
    db.session.commit()
