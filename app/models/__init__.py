"""The SQLAlchemy ORM schema of Dealdesk. No Qt, no business rules."""

from app.models.automation import AutomationJob, AutomationRule, AutomationTrigger, OutboxMessage
from app.models.base import Base, Money, Percent, Quantity, ScaledDecimal, table_of, utcnow
from app.models.catalog import Currency, Product
from app.models.custom_fields import (
    CustomFieldDefinition,
    CustomFieldOption,
    CustomFieldValue,
    EntityType,
    FieldType,
)
from app.models.customers import Company, Contact, contact_company
from app.models.deal import Deal, DealProductRow, DiscountType, deal_contact, deal_copy, deal_observer
from app.models.documents import DealDocument, DocumentCounter, DocumentTemplate
from app.models.forms import FieldRule, FormLayout, StageRequirement
from app.models.history import HistoryEntry, ImportKey, Operation
from app.models.invoices import (
    BillingDocument,
    Invoice,
    InvoiceLine,
    InvoicePayment,
    InvoiceReminder,
    Quote,
    QuoteLine,
)
from app.models.lead import Lead, LeadStatus
from app.models.people import Department, Role, RoleAssignment, User
from app.models.pipeline import DealStageVisit, Pipeline, Stage, StageSemantic, StageTunnel, TunnelMode
from app.models.plans import SalesTarget
from app.models.rollups import customer_rollup, deal_rollup, product_rollup
from app.models.search import deal_search, deal_search_doc, is_search_object, search_metadata
from app.models.settings import RIGHTS_STAMP_KEY, AppSetting, SavedFilter
from app.models.task import Notification, Task, task_participant
from app.models.workflows import WorkflowApproval, WorkflowInstance, WorkflowTemplate, WorkflowVersion

__all__ = [
    "RIGHTS_STAMP_KEY",
    "AppSetting",
    "AutomationJob",
    "AutomationRule",
    "AutomationTrigger",
    "Base",
    "BillingDocument",
    "Company",
    "Contact",
    "Currency",
    "CustomFieldDefinition",
    "CustomFieldOption",
    "CustomFieldValue",
    "Deal",
    "DealDocument",
    "DealProductRow",
    "DealStageVisit",
    "Department",
    "DiscountType",
    "DocumentCounter",
    "DocumentTemplate",
    "EntityType",
    "FieldRule",
    "FieldType",
    "FormLayout",
    "HistoryEntry",
    "ImportKey",
    "Invoice",
    "InvoiceLine",
    "InvoicePayment",
    "InvoiceReminder",
    "Lead",
    "LeadStatus",
    "Money",
    "Notification",
    "Operation",
    "OutboxMessage",
    "Percent",
    "Pipeline",
    "Product",
    "Quantity",
    "Quote",
    "QuoteLine",
    "Role",
    "RoleAssignment",
    "SalesTarget",
    "SavedFilter",
    "ScaledDecimal",
    "Stage",
    "StageRequirement",
    "StageSemantic",
    "StageTunnel",
    "Task",
    "TunnelMode",
    "User",
    "WorkflowApproval",
    "WorkflowInstance",
    "WorkflowTemplate",
    "WorkflowVersion",
    "contact_company",
    "customer_rollup",
    "deal_contact",
    "deal_copy",
    "deal_observer",
    "deal_rollup",
    "deal_search",
    "deal_search_doc",
    "is_search_object",
    "product_rollup",
    "search_metadata",
    "table_of",
    "task_participant",
    "utcnow",
]
