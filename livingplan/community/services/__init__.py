"""The community app's write path: one guarded verb per change, each audited in the caller's context."""

from livingplan.community.services.importing import ImportResult, export_directory, import_directory
from livingplan.community.services.links import answer_did_it_help, link_resource
from livingplan.community.services.resources import parse_tags, save_resource

__all__ = [
    "ImportResult",
    "answer_did_it_help",
    "export_directory",
    "import_directory",
    "link_resource",
    "parse_tags",
    "save_resource",
]
