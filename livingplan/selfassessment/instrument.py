"""The instrument as data: sections, areas and five levels each, read from YAML and checked whole.

Pure functions, no database. A file is either taken whole or refused whole, and a refusal names
the line at fault, so an organisation admin can find it in their own copy (ADR-046).
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

LEVELS = 5
SHIPPED = Path(__file__).parent / "instruments" / "progress-v1.yaml"


class InstrumentError(ValueError):
    """The file cannot be used; `line` (1-based) is where the fault is, when it can be told."""

    def __init__(self, message: str, line: int | None = None) -> None:
        self.message = message
        self.line = line
        super().__init__(f"Line {line}: {message}" if line else message)


@dataclass(frozen=True)
class Area:
    id: str
    section_id: str
    stage: str
    title: str
    guidance: str
    levels: tuple[str, ...]

    def level(self, number: int) -> str:
        return self.levels[number - 1]


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    areas: tuple[Area, ...]


@dataclass(frozen=True)
class Instrument:
    key: str
    version: int
    title: str
    sections: tuple[Section, ...]

    @property
    def areas(self) -> tuple[Area, ...]:
        return tuple(area for section in self.sections for area in section.areas)

    def area(self, area_id: str) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)

    def as_data(self) -> dict[str, Any]:
        """The checked content, as kept with each version in the database."""
        return {
            "key": self.key,
            "version": self.version,
            "title": self.title,
            "sections": [
                {
                    "id": s.id,
                    "title": s.title,
                    "areas": [
                        {
                            "id": a.id,
                            "stage": a.stage,
                            "title": a.title,
                            "guidance": a.guidance,
                            "levels": list(a.levels),
                        }
                        for a in s.areas
                    ],
                }
                for s in self.sections
            ],
        }


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _mapping(node: yaml.Node, what: str) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        raise InstrumentError(f"{what} must be a set of named fields", _line(node))
    fields: dict[str, yaml.Node] = {}
    for key, value in node.value:
        if key.value in fields:
            raise InstrumentError(f"{what} names '{key.value}' twice", _line(key))
        fields[str(key.value)] = value
    return fields


def _key_line(node: yaml.Node, name: str) -> int:
    """The line where `name:` is written in a mapping, which a reader looks for first."""
    for key, _ in node.value:
        if key.value == name:
            return _line(key)
    return _line(node)


def _text(fields: dict[str, yaml.Node], name: str, parent: yaml.Node, what: str, *, required: bool = True) -> str:
    node = fields.get(name)
    if node is None:
        if required:
            raise InstrumentError(f"{what} has no {name}", _line(parent))
        return ""
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise InstrumentError(f"{what}'s {name} must be some words", _line(node))
    return str(node.value).strip()


def _sequence(fields: dict[str, yaml.Node], name: str, parent: yaml.Node, what: str) -> list[yaml.Node]:
    node = fields.get(name)
    if node is None:
        raise InstrumentError(f"{what} has no {name}", _line(parent))
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        raise InstrumentError(f"{what}'s {name} must be a list with at least one entry", _line(node))
    return list(node.value)


def _area(node: yaml.Node, section_id: str, seen: dict[str, int]) -> Area:
    fields = _mapping(node, "An area")
    area_id = _text(fields, "id", node, "An area")
    if area_id in seen:
        raise InstrumentError(f"The id '{area_id}' is used twice (first on line {seen[area_id]})", _line(fields["id"]))
    seen[area_id] = _line(fields["id"])
    what = f"Area '{area_id}'"
    levels = _sequence(fields, "levels", node, what)
    if len(levels) != LEVELS:
        raise InstrumentError(
            f"{what} has {len(levels)} levels; every area needs exactly {LEVELS}, level 1 to level {LEVELS}",
            _key_line(node, "levels"),
        )
    words = []
    for number, level in enumerate(levels, start=1):
        if not isinstance(level, yaml.ScalarNode) or not str(level.value).strip():
            raise InstrumentError(f"{what}'s level {number} must be some words", _line(level))
        words.append(str(level.value).strip())
    return Area(
        id=area_id,
        section_id=section_id,
        stage=_text(fields, "stage", node, what),
        title=_text(fields, "title", node, what),
        guidance=_text(fields, "guidance", node, what, required=False),
        levels=tuple(words),
    )


def _version(fields: dict[str, yaml.Node], root: yaml.Node) -> int:
    raw = _text(fields, "version", root, "The file")
    if not raw.isdigit() or int(raw) < 1:
        raise InstrumentError("The version must be a whole number, 1 or more", _line(fields["version"]))
    return int(raw)


def parse(text: str) -> Instrument:
    """Read and check an instrument; raise `InstrumentError` naming the line at fault."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise InstrumentError(f"This is not valid YAML: {error.problem}", mark.line + 1 if mark else None) from error
    except yaml.YAMLError as error:
        raise InstrumentError(f"This is not valid YAML: {error}") from error
    if root is None:
        raise InstrumentError("The file is empty")
    fields = _mapping(root, "The file")
    seen: dict[str, int] = {}
    sections = []
    for node in _sequence(fields, "sections", root, "The file"):
        section_fields = _mapping(node, "A section")
        section_id = _text(section_fields, "id", node, "A section")
        if section_id in seen:
            raise InstrumentError(f"The id '{section_id}' is used twice", _line(section_fields["id"]))
        seen[section_id] = _line(section_fields["id"])
        what = f"Section '{section_id}'"
        areas = tuple(_area(area, section_id, seen) for area in _sequence(section_fields, "areas", node, what))
        sections.append(Section(id=section_id, title=_text(section_fields, "title", node, what), areas=areas))
    return Instrument(
        key=_text(fields, "key", root, "The file"),
        version=_version(fields, root),
        title=_text(fields, "title", root, "The file"),
        sections=tuple(sections),
    )


def from_data(data: dict[str, Any]) -> Instrument:
    """An instrument already checked and kept in the database (see `Instrument.as_data`)."""
    return Instrument(
        key=data["key"],
        version=data["version"],
        title=data["title"],
        sections=tuple(
            Section(
                id=s["id"],
                title=s["title"],
                areas=tuple(
                    Area(
                        id=a["id"],
                        section_id=s["id"],
                        stage=a["stage"],
                        title=a["title"],
                        guidance=a["guidance"],
                        levels=tuple(a["levels"]),
                    )
                    for a in s["areas"]
                ),
            )
            for s in data["sections"]
        ),
    )


def shipped() -> Instrument:
    return parse(SHIPPED.read_text(encoding="utf-8"))
