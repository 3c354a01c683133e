"""`livingplan fhir_import`: FHIR R4 Bundles and NDJSON into people with plans (ADR-044).

`sources` finds and reads the files, `bundle` indexes and checks one unit (a Bundle, a lone
resource, or an NDJSON file), `apply` makes what it maps through the people and plans service
verbs in one transaction, and `report` says what became of every resource."""
