"""Documents from templates: quotes, invoices and any Word document, rendered from a deal."""

from app.services.documents.service import DocumentInfo, DocumentService, TemplateInfo

__all__ = ["DocumentInfo", "DocumentService", "TemplateInfo"]
