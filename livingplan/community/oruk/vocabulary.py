"""The words our export and import agree on, beyond the UK profile's own fields."""

from livingplan.community.models import ResourceKind, ResourceStatus

# A resource's kind travels as an attribute whose taxonomy term is from this taxonomy of our own;
# every other attribute's term is a tag.
KIND_TAXONOMY = "Living Plan resource kinds"
TAG_TAXONOMY = "Living Plan tags"

STATUS_FROM_ORUK = {
    "active": ResourceStatus.ACTIVE,
    "inactive": ResourceStatus.INACTIVE,
    "defunct": ResourceStatus.DEFUNCT,
    "temporarily closed": ResourceStatus.TEMPORARILY_CLOSED,
}
STATUS_TO_ORUK = {value: key for key, value in STATUS_FROM_ORUK.items()}
KIND_CODES = {kind.value.lower(): kind for kind in ResourceKind}
