from django.apps import AppConfig


class InteropConfig(AppConfig):
    name = "livingplan.interop"
    label = "interop"
    verbose_name = "Interoperability: FHIR R4 export, import and endpoints at /fhir/r4/"
