"""What make check prints: each stage's count and failing checks, then the learner's progress.

Every count is in checks (a parametrized check counts once per case), the unit of the
"N of M checks pass" line. Failures that all wait on the same TODO are one line: until
it is written, their own hints are beside the point.
"""

from tools.causes import advice
from tools.causes import todo_of
from tools.stages import CAPSTONE
from tools.stages import STARTERS
from tools.stages import WORKSPACE
from tools.stages import reference_stages
from tools.stages import short_name


def plural(count, word):
    """'1 check', '2 checks'."""
    return f"{count} {word}" + ("" if count == 1 else "s")


def total_of(result):
    """How many checks ran: the passing ones and every failing case."""
    return result.passed + sum(len(cases) for _, cases in result.failing.values())


def group_of(hint, error):
    """What failures are grouped by: the TODO they wait on, or the cause they show; or None."""
    if todo := todo_of(error):
        return todo
    said = advice(hint, error)
    return said if said != hint else None


def entries(result):
    """The lines to print for the failing checks, as (title, hint, saw), in the order they ran.

    Checks that wait on one TODO, or fail of one recognised cause, make one line.
    """
    sizes = {}
    for name, (hint, cases) in result.failing.items():
        if group := group_of(hint, result.errors.get(name)):
            sizes[group] = sizes.get(group, 0) + len(cases)
    shown = set()
    for name, (hint, cases) in result.failing.items():
        error = result.errors.get(name)
        group = group_of(hint, error)
        if group in shown:
            continue
        if todo_of(error):
            shown.add(group)
            count = sizes[group]
            title = f"{plural(count, 'check')} wait{'s' if count == 1 else ''} on {group}"
            yield title, "write it first: its comment in your file says what it must do", None
            continue
        named = [case for case in cases if case]
        more = ", ..." if len(named) > 3 else ""
        title = f"{name} (failing with: {', '.join(named[:3])}{more})" if named else name
        if group and sizes[group] > len(cases):
            shown.add(group)
            title = f"{sizes[group]} checks fail of one cause, the first: {name}"
        said = advice(hint, error)
        yield title, said, error if error and error not in said else None


def show(stage, result, problem, limit=None):
    """Print one stage's result: its count, then each failing check with its hint."""
    if result is None:
        print(f"{stage.name}: the checks could not run.\n{problem}\n")
        return
    mark = "✓" if result.ok else "✗"
    print(f"{mark} {stage.name}: {result.passed} of {total_of(result)} checks pass", end="")
    print(f" (workspace/{stage.name})")
    lines = list(entries(result))
    for title, hint, saw in lines[:limit]:
        print(f"    ✗ {title}\n        hint: {hint}")
        if saw:
            print(f"        saw:  {saw}")
    if limit is not None and len(lines) > limit:
        print(f"    ... and {len(lines) - limit} more: make check STAGE={short_name(stage)}")
    if result.exercises:
        print(f"    exercises: {result.exercises_done} of {result.exercises} done (optional)")
        # One waiting on a TODO of the stage says nothing new: the TODO is listed above.
        ready = [(name, hint, error) for name, (hint, error) in result.exercises_failing.items()]
        for name, hint, error in [entry for entry in ready if not todo_of(entry[2])][:limit]:
            print(f"    ○ {name}\n        hint: {advice(hint, error)}")
    print()


def progress(results):
    """The last lines: every stage, passed, in progress, or not started."""
    print("Your progress")
    for stage in [*reference_stages(), CAPSTONE]:
        number = short_name(stage)
        if stage.name in results:
            result = results[stage.name][0]
            if result is None:
                state = "in progress: its checks could not run (see above)"
            elif result.ok:
                state = "passed"
            else:
                state = f"in progress: {result.passed} of {total_of(result)} checks pass"
        elif (WORKSPACE / stage.name).exists():
            state = f"started: make check STAGE={number}"
        elif (STARTERS / stage.name).exists() or stage == CAPSTONE:
            state = f"not started: make start STAGE={number}"
        else:
            state = "not started (no starter yet: read the stage and build it from its README)"
        print(f"  {stage.name:16} {state}")
