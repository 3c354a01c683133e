"""Instrument versions: the shipped one, and new ones an organisation admin imports."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet

from livingplan.accounts.models import Organisation, User
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor
from livingplan.selfassessment import instrument, rules
from livingplan.selfassessment.models import InstrumentVersion

IMPORTED = "selfassessment.instrument.imported"


def shipped_version() -> InstrumentVersion:
    """The version that ships with Living Plan, kept in the database the first time it is needed."""
    checked = instrument.shipped()
    found = InstrumentVersion.objects.filter(organisation=None, key=checked.key, version=checked.version).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return InstrumentVersion.objects.create(
                key=checked.key,
                version=checked.version,
                title=checked.title,
                source=instrument.SHIPPED.read_text(encoding="utf-8"),
                content=checked.as_data(),
            )
    except IntegrityError:  # another request kept it first
        return InstrumentVersion.objects.get(organisation=None, key=checked.key, version=checked.version)


def versions_for(organisation: Organisation) -> QuerySet[InstrumentVersion]:
    """The versions a round for `organisation` may use: the shipped ones and its own imports."""
    shipped_version()
    return InstrumentVersion.objects.filter(Q(organisation=None) | Q(organisation=organisation))


def import_instrument(
    organisation: Organisation, *, text: str, by: User, audit: AuditContext | None = None
) -> InstrumentVersion:
    """Check the whole file and keep it as a new version, or refuse it whole, naming the line at fault."""
    if not rules.is_admin_of(by, organisation):
        raise PermissionDenied("Only an organisation admin can import a new version of the self-assessment.")
    try:
        checked = instrument.parse(text)
    except instrument.InstrumentError as error:
        raise ValidationError({"source": str(error)}) from error
    if versions_for(organisation).filter(key=checked.key, version=checked.version).exists():
        taken = f"Version {checked.version} of '{checked.key}' already exists: give the new file a higher version"
        raise ValidationError({"source": taken})
    with transaction.atomic():
        found = InstrumentVersion.objects.create(
            organisation=organisation,
            key=checked.key,
            version=checked.version,
            title=checked.title,
            source=text,
            content=checked.as_data(),
            imported_by=by,
        )
        auditor.record(
            IMPORTED, audit=context_for(by, audit), obj=found, detail={"key": checked.key, "version": checked.version}
        )
    return found
