from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "livingplan.documents"
    label = "documents"
    verbose_name = "Documents: other formats, PDFs and the person's own download"
