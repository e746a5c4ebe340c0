from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def load_cases(name: str) -> list[dict[str, Any]]:
    with open(FIXTURES / name, "rb") as handle:
        return tomllib.load(handle)["case"]
