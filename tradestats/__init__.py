"""tradestats: find, label and recompute the trade figures in text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "extract", "periods"]

if TYPE_CHECKING:
    from tradestats.extraction import extract
    from tradestats.extraction import read_periods as periods


def __getattr__(name: str) -> Any:
    # Keep `import tradestats` cheap: the grammar compiles its patterns on first use.
    if name == "extract":
        from tradestats.extraction import extract

        return extract
    if name == "periods":
        from tradestats.extraction import read_periods

        return read_periods
    raise AttributeError(name)
