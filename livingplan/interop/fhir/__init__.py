"""One explicit mapper per FHIR R4 resource (ADR-044): our rows to plain JSON dicts, and incoming
resources to the fields a people or plans service verb takes. No domain rules here: what may be
created, by whom and in which state is decided by those verbs."""
