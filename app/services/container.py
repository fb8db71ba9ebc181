"""Builds the services once at start-up; the GUI and the CLI hand them to whatever needs them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from app.models import Currency, Pipeline, Role, User
from app.services.access import server_rights
from app.services.access.departments import DepartmentService
from app.services.access.passwords import PasswordService
from app.services.access.roles import RoleService
from app.services.access.users import UserInfo, UserService
from app.services.analytics.service import AnalyticsService
from app.services.automation.engine import AutomationEngine
from app.services.automation.enqueue import automation_hook
from app.services.automation.log import AutomationLog
from app.services.automation.outbox import OutboxService
from app.services.automation.rules import AutomationService
from app.services.core.changes import ChangeMonitor, commit_announcer
from app.services.core.context import ServiceContext, UnitOfWork
from app.services.core.errors import ServiceError
from app.services.core.events import EventBus
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.customers.duplicates import DuplicateService
from app.services.customers.form import CustomerFormService
from app.services.customers.leads import LeadService
from app.services.customers.queries import CustomerQueryService
from app.services.customers.service import CompanyService, ContactService
from app.services.deals.bulk import DealBulkService
from app.services.deals.calendar import CalendarService
from app.services.deals.export import DealExportService
from app.services.deals.filter_presets import FilterPresetService
from app.services.deals.form import DealFormService
from app.services.deals.kanban import KanbanService
from app.services.deals.queries import DealQueryService
from app.services.deals.service import DealService
from app.services.documents.office import DocumentSettingsService
from app.services.documents.service import DocumentService
from app.services.documents.templates import DocumentTemplateService
from app.services.fields.custom_fields import CustomFieldService
from app.services.fields.field_rules import FieldRuleService
from app.services.fields.form_layouts import FormLayoutService
from app.services.importing.deals import DealImportService
from app.services.importing.export_all import ExportAllService
from app.services.importing.import_all import ImportAllService
from app.services.importing.mappings import ImportMappingService
from app.services.importing.people import PeopleImportService
from app.services.importing.records import RecordImportService
from app.services.invoices.dunning import DunningService
from app.services.invoices.files import BillingFileService
from app.services.invoices.quotes import QuoteService
from app.services.invoices.service import InvoiceService
from app.services.notifications.rules import notify_from_events
from app.services.notifications.service import NotificationService
from app.services.setup.backups import BackupService
from app.services.setup.currencies import CurrencyService
from app.services.setup.defaults import ensure_defaults, os_login
from app.services.setup.moving import MoveService
from app.services.setup.office_settings import OfficeSettingsService
from app.services.setup.pipelines import PipelineService
from app.services.setup.products import ProductService
from app.services.setup.tunnels import TunnelService
from app.services.tasks.reminders import ReminderService
from app.services.tasks.service import TaskService
from app.services.workflows.engine import WorkflowEngine
from app.services.workflows.service import WorkflowService
from app.services.workflows.starting import workflow_hook
from app.storage import Database, open_database
from app.storage.backup import backup_sqlite
from app.storage.database import LockWaiter, parse_url
from app.storage.failures import can_write
from app.storage.presence import Presence


@dataclass(frozen=True)
class Services:
    context: ServiceContext
    actor: UserInfo | None
    deals: DealService = field(init=False)
    deal_queries: DealQueryService = field(init=False)
    pipelines: PipelineService = field(init=False)
    users: UserService = field(init=False)
    roles: RoleService = field(init=False)
    departments: DepartmentService = field(init=False)
    passwords: PasswordService = field(init=False)
    companies: CompanyService = field(init=False)
    contacts: ContactService = field(init=False)
    products: ProductService = field(init=False)
    currencies: CurrencyService = field(init=False)
    filter_presets: FilterPresetService = field(init=False)
    deal_bulk: DealBulkService = field(init=False)
    deal_export: DealExportService = field(init=False)
    custom_fields: CustomFieldService = field(init=False)
    kanban: KanbanService = field(init=False)
    office: OfficeSettingsService = field(init=False)
    backups: BackupService = field(init=False)
    moving: MoveService = field(init=False)
    deal_form: DealFormService = field(init=False)
    deal_import: DealImportService = field(init=False)
    export_all: ExportAllService = field(init=False)
    import_all: ImportAllService = field(init=False)
    import_mappings: ImportMappingService = field(init=False)
    record_import: RecordImportService = field(init=False)
    people_import: PeopleImportService = field(init=False)
    tasks: TaskService = field(init=False)
    reminders: ReminderService = field(init=False)
    notifications: NotificationService = field(init=False)
    automation: AutomationService = field(init=False)
    workflows: WorkflowService = field(init=False)
    automation_log: AutomationLog = field(init=False)
    outbox: OutboxService = field(init=False)
    invoices: InvoiceService = field(init=False)
    quotes: QuoteService = field(init=False)
    dunning: DunningService = field(init=False)
    billing_files: BillingFileService = field(init=False)
    form_layouts: FormLayoutService = field(init=False)
    field_rules: FieldRuleService = field(init=False)
    tunnels: TunnelService = field(init=False)
    customer_queries: CustomerQueryService = field(init=False)
    customer_form: CustomerFormService = field(init=False)
    duplicates: DuplicateService = field(init=False)
    leads: LeadService = field(init=False)
    calendar: CalendarService = field(init=False)
    documents: DocumentService = field(init=False)
    document_templates: DocumentTemplateService = field(init=False)
    document_settings: DocumentSettingsService = field(init=False)
    analytics: AnalyticsService = field(init=False)

    def __post_init__(self) -> None:
        ctx = self.context
        for name, cls in (
            ("deals", DealService),
            ("deal_queries", DealQueryService),
            ("pipelines", PipelineService),
            ("users", UserService),
            ("roles", RoleService),
            ("departments", DepartmentService),
            ("passwords", PasswordService),
            ("companies", CompanyService),
            ("contacts", ContactService),
            ("products", ProductService),
            ("currencies", CurrencyService),
            ("filter_presets", FilterPresetService),
            ("deal_bulk", DealBulkService),
            ("custom_fields", CustomFieldService),
            ("kanban", KanbanService),
            ("office", OfficeSettingsService),
            ("backups", BackupService),
            ("moving", MoveService),
            ("deal_form", DealFormService),
            ("deal_import", DealImportService),
            ("export_all", ExportAllService),
            ("import_all", ImportAllService),
            ("import_mappings", ImportMappingService),
            ("record_import", RecordImportService),
            ("people_import", PeopleImportService),
            ("tasks", TaskService),
            ("reminders", ReminderService),
            ("notifications", NotificationService),
            ("automation", AutomationService),
            ("workflows", WorkflowService),
            ("automation_log", AutomationLog),
            ("outbox", OutboxService),
            ("invoices", InvoiceService),
            ("quotes", QuoteService),
            ("dunning", DunningService),
            ("billing_files", BillingFileService),
            ("form_layouts", FormLayoutService),
            ("field_rules", FieldRuleService),
            ("tunnels", TunnelService),
            ("customer_queries", CustomerQueryService),
            ("customer_form", CustomerFormService),
            ("duplicates", DuplicateService),
            ("leads", LeadService),
            ("calendar", CalendarService),
            ("documents", DocumentService),
            ("document_templates", DocumentTemplateService),
            ("document_settings", DocumentSettingsService),
            ("analytics", AnalyticsService),
        ):
            object.__setattr__(self, name, cls(ctx))
        object.__setattr__(self, "deal_export", DealExportService(ctx, self.deal_queries))

    @property
    def database(self) -> Database:
        return self.context.database

    @property
    def events(self) -> EventBus:
        return self.context.events

    def automation_engine(self, owner: str | None = None) -> AutomationEngine:
        """The engine that runs due automation jobs and sends the outbox (one per process)."""
        engine = AutomationEngine(self.context, owner, language=self.office.language())
        engine.workflows = WorkflowEngine(self.context, engine.owner, language=self.office.language())
        return engine

    def change_monitor(self) -> ChangeMonitor:
        return ChangeMonitor(self.context.database)

    def as_user(self, login: str) -> Services:
        """The same database and event bus, acting as another user (e.g. a second office PC in tests)."""
        user = self.users.by_login(login)
        if user is None:
            raise ServiceError(QT_TRANSLATE_NOOP("errors", "There is no user '{login}'."), login=login)
        return Services(self.context.for_actor(user.id), user)

    def backup(self, destination: Path, progress: Callable[[int, int], None] | None = None) -> Path:
        """A consistent copy of an SQLite database file (the SQLite backup API, never a file copy)."""
        return backup_sqlite(self.context.database, destination, progress)

    def presence(self) -> Presence | None:
        """This process's row in the file's list of who is in (SQLite files; None for a server),
        started: stop() it on leaving."""
        path = self.context.database.path
        if path is None:
            return None
        login = self.actor.login if self.actor else os_login()
        name = self.actor.name if self.actor else login
        presence = Presence(path, login, name)
        presence.start()
        return presence

    def writable(self) -> bool:
        """False when the database file, its folder or its drive is write-protected (reads still work)."""
        path = self.context.database.path
        return path is None or can_write(path)

    def set_lock_waiter(self, waiter: LockWaiter | None) -> None:
        """How this process waits for a write lock another PC holds (see Database.set_lock_waiter)."""
        self.context.database.set_lock_waiter(waiter)

    def schema_revision(self) -> str:
        """The database's schema revision (Help › About)."""
        from app.storage.migrate import current_revision

        return current_revision(self.database) or "?"

    def close(self) -> None:
        self.context.database.dispose()


def open_services(
    path_or_url: str, *, login: str | None = None, language: str = "en", create: bool = True
) -> Services:
    """Open the database (creating and migrating it if needed) and the services acting as `login`.

    Without a login, the user whose login is the operating system's, else the first administrator.
    """
    database = open_database(path_or_url, create=create)
    try:
        _ensure_defaults(database, language)
        hooks: tuple[Callable[[UnitOfWork], None], ...] = (notify_from_events, automation_hook, workflow_hook)
        if not database.is_sqlite:  # last: what the others add is announced too
            hooks = (*hooks, server_rights.sync_if_changed, commit_announcer(database))
        base = Services(ServiceContext(database, EventBus(), None, hooks), None)
        own = _own_login(database)
        if own is not None:  # a person's own server login: Dealdesk acts as them, nobody else
            person = base.users.get(own)
            return Services(base.context.for_actor(person.id), person)
        if login:
            return base.as_user(login)
        actor = base.users.by_login(os_login()) or base.users.default_actor()
        return Services(base.context.for_actor(actor.id if actor else None), actor)
    except BaseException:
        database.dispose()
        raise


def _own_login(database: Database) -> int | None:
    if database.is_sqlite:
        return None
    with database.session() as session:
        return server_rights.acting_person(session)


def _ensure_defaults(database: Database, language: str) -> None:
    """Fill a new database with its defaults; an up-to-date one costs one read, no write lock."""
    with database.session() as session:
        complete = all(
            session.scalar(select(func.count()).select_from(model))
            for model in (User, Currency, Pipeline, Role)
        )
    if not complete:
        with database.session(write=True) as session:
            ensure_defaults(session, language)


def sqlite_file(path_or_url: str) -> Path | None:
    """The file behind a path or SQLite URL; None for a server database."""
    url = parse_url(path_or_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)
