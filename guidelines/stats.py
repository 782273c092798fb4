"""The few statistics the reports need: Wilson score intervals, medians, shares."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence

Z95 = 1.959963984540054  # the standard normal quantile for a two-sided 95% interval


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval for a proportion, or None when n is 0.

    Chosen over the normal ("Wald") interval because it stays inside [0, 1] and stays honest for the
    small counts most committees have: 2 of 2 gives [0.34, 1.0], not a certain 100%.
    """
    if n <= 0:
        return None
    if not 0 <= successes <= n:
        raise ValueError(f"successes {successes} outside 0..{n}")
    p = successes / n
    z2 = z * z
    denom = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom
    low, high = max(0.0, centre - half), min(1.0, centre + half)
    # Floating point can put a bound a hair's breadth past the rate at p = 0 or 1.
    return (min(low, p), max(high, p))


def rate(successes: int, n: int) -> float | None:
    return successes / n if n > 0 else None


def median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None


def share_within(values: Sequence[int], limit: int) -> float | None:
    """The share of values at most `limit`, or None when there are none."""
    return sum(1 for v in values if v <= limit) / len(values) if values else None
