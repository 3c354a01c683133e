from django.apps import AppConfig


class InteropConfig(AppConfig):
    name = "livingplan.interop"
    label = "interop"
    verbose_name = "Interoperability: FHIR R4 export, import and endpoints at /fhir/r4/"

    def ready(self) -> None:
        # The person's download holds what the FHIR import keeps about them (documents sits below us).
        from livingplan.documents import export_parts
        from livingplan.interop.subject_access import other_systems_json

        export_parts.register("other-systems.json", other_systems_json)
