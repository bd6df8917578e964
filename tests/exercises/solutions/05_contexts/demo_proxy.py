"""Worked solution of stage 05's exercise 5: the reference's proxy demo, then asyncio.

Run: python demo_proxy.py (from this folder). The reference demo runs first, as it is;
then two asyncio tasks on one thread each see their own user through the same proxy.
"""

import asyncio
from pathlib import Path

from harness.stages import load_module

REFERENCE = Path(__file__).resolve().parents[4] / "05_contexts" / "demo_proxy.py"
reference = load_module(REFERENCE, name="reference_05_demo_proxy")
current_user_var, current_user, User = (
    reference.current_user_var,
    reference.current_user,
    reference.User,
)


async def one(name):
    """One task: set its user, let the other task run, then read the user back."""
    current_user_var.set(User(name))
    await asyncio.sleep(0)  # the other task runs here, on the same thread
    return current_user.name


async def in_two_tasks():
    """Run two tasks at once; each runs in a copy of the caller's context, so each keeps its own."""
    return await asyncio.gather(one("Ann"), one("Bob"))


if __name__ == "__main__":
    print(f"two asyncio tasks, one thread, one proxy: {asyncio.run(in_two_tasks())}")
