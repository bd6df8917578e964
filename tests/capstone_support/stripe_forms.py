"""Stripe's request bodies: form fields with brackets, read back into dicts and lists.

stripe-python sends `params={"line_items": [{"price": "p", "quantity": 1}]}` as
`line_items[0][price]=p&line_items[0][quantity]=1` (application/x-www-form-urlencoded,
as Stripe's API expects). The stand-in for Stripe reads such a body back with
`nested`, so its checks and the tests read the parameters the way they were written.
"""

import re
from urllib.parse import parse_qsl

KEY_PART = re.compile(r"\[([^\]]*)\]")


def nested(body):
    """The parameters of a form-encoded body, brackets turned into dicts and lists."""
    params = {}
    for key, value in parse_qsl(body, keep_blank_values=True, strict_parsing=bool(body)):
        name, _, rest = key.partition("[")
        parts = [name, *KEY_PART.findall("[" + rest)] if rest else [name]
        place = params
        for part in parts[:-1]:  # every level a dict, until `lists` turns 0, 1... into lists
            place = place.setdefault(part, {})
        place[parts[-1]] = value
    return lists(params)


def lists(value):
    """`value` with every dict whose keys are 0, 1, 2... turned into a list, all the way down."""
    if not isinstance(value, dict):
        return value
    value = {key: lists(item) for key, item in value.items()}
    if value and all(key.isdigit() for key in value):
        return [value[key] for key in sorted(value, key=int)]
    return value
