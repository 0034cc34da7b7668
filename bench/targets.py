"""The performance targets, judged against one run's figures: "met" or "not met" each.

Ratios are to the bare Litestar endpoint measured in the same run on the same server, so a
busier or quieter machine moves both sides; CPU per request is the steadier figure.
"""

from __future__ import annotations

from dataclasses import dataclass

# The share of a figure that a large database may cost before "flat" is not met.
FLAT_TOLERANCE = 0.15


@dataclass(frozen=True)
class Target:
    name: str
    figure: float
    bound: float
    at_least: bool  # True: the figure must reach the bound; False: stay at or below it
    unit: str = ""

    @property
    def met(self) -> bool:
        return self.figure >= self.bound if self.at_least else self.figure <= self.bound


def at_least(name: str, figure: float, bound: float, unit: str = "") -> Target:
    return Target(name, figure, bound, at_least=True, unit=unit)


def at_most(name: str, figure: float, bound: float, unit: str = "") -> Target:
    return Target(name, figure, bound, at_least=False, unit=unit)


def flat(name: str, small: float, large: float, *, higher_is_better: bool) -> Target:
    """The large database's figure as a share of the small one's, within the tolerance."""
    if higher_is_better:
        return at_least(f"{name} (large / small)", large / small, 1 - FLAT_TOLERANCE)
    return at_most(f"{name} (large / small)", large / small, 1 + FLAT_TOLERANCE)


def print_targets(targets: list[Target]) -> None:
    print(f"\n{'target':<62} {'figure':>10} {'bound':>10}  verdict")
    for target in targets:
        sign = ">=" if target.at_least else "<="
        figure = f"{target.figure:.3f}{target.unit}"
        bound = f"{sign} {target.bound:g}{target.unit}"
        verdict = "met" if target.met else "not met"
        print(f"{target.name:<62} {figure:>10} {bound:>10}  {verdict}")
    met = sum(t.met for t in targets)
    print(f"{met} of {len(targets)} targets met")
