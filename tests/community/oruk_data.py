"""The Open Referral UK schemas and examples, read where the project keeps them: `../shared/data/oruk`
beside the project root (in CI and in /work/main). A git worktree sits one folder deeper, so the
nearest ancestor holding `shared/data/oruk` is used. Never copied into the project (licence: CC BY-SA)."""

import json
from pathlib import Path
from typing import Any

import livingplan

PROJECT = Path(livingplan.__file__).resolve().parents[1]


def _find() -> Path:
    for folder in PROJECT.parents:
        candidate = folder / "shared" / "data" / "oruk"
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"No shared/data/oruk beside {PROJECT} or above it: the tests need it")


ORUK = _find()
EXAMPLES = ORUK / "examples"
COMPILED = ORUK / "schema" / "compiled"


def example(name: str) -> bytes:
    return (EXAMPLES / name).read_bytes()


def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((COMPILED / f"{name}.json").read_text())
    return loaded
