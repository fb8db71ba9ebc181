"""Access rights through the services: roles decide which deals a person sees (list, counts, sums,
kanban, calendar), changes, deletes and moves; settings are for those who may manage them."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.services.access.rights import Action, Entity, Grant, Level, RoleRights, uniform_rights
from app.services.container import Services
from app.services.core.errors import NotFoundError, PermissionDeniedError
from app.services.deals.bulk import DealSelection
from app.services.deals.filters import DealFilter

SALES = uniform_rights(
    {
        Action.READ: Level.OPEN,
        Action.ADD: Level.OWN,
        Action.EDIT: Level.OWN,
        Action.DELETE: Level.NONE,
        Action.EXPORT: Level.OWN,
    }
)


@pytest.fixture
def office(services: Services):
    """Sales (with a sub-department North) and Accounting; Anna and Ben in Sales, Nina in North,
    Carl in Accounting; the everyone-gets-Employee assignment taken away."""
    with services.context.database.session(write=True) as session:
        from app.models import Department

        sales = Department(name="Sales")
        session.add(sales)
        session.flush()
        north = Department(name="North", parent_id=sales.id)
        accounting = Department(name="Accounting")
        session.add_all([north, accounting])
        session.flush()
        ids = (sales.id, north.id, accounting.id)
    people = {
        login: services.users.create(login=login, name=login.title(), department_id=dept)
        for login, dept in (("anna", ids[0]), ("ben", ids[0]), ("nina", ids[1]), ("carl", ids[2]))
    }
    for assignment in services.roles.assignments():
        services.roles.unassign(assignment.id)
    pipeline = services.pipelines.list()[0]
    deals = {}
    for login, user in people.items():
        for n in range(2):
            deal = services.deals.create(title=f"{login} {n}", responsible_id=user.id, amount="100")
            deals[f"{login}{n}"] = deal
    admin_deal = services.deals.create(title="admin's", amount="100")
    deals["admin"] = admin_deal
    return {"people": people, "deals": deals, "pipeline": pipeline, "departments": ids}


def _role(services: Services, name: str, rights: RoleRights, **holder) -> int:
    role = services.roles.create(name, rights)
    services.roles.assign(role.id, **holder)
    return role.id


def _visible(services: Services) -> set[str]:
    from app.services.deals.paging import DealSort

    return {row.title for row in services.deal_queries.page(DealFilter(), DealSort(), 0, 1000)}


def test_a_person_without_a_role_sees_no_deal_not_even_as_a_count(services: Services, office) -> None:
    anna = services.as_user("anna")
    assert _visible(anna) == set()
    assert anna.deal_queries.count(DealFilter()) == 0
    assert anna.deal_queries.summary(DealFilter()).count == 0
    with pytest.raises(NotFoundError):
        anna.deals.get(office["deals"]["anna0"].id)


def test_a_salesperson_sees_own_observed_and_open_deals_everywhere(services: Services, office) -> None:
    _role(services, "Sales", SALES, user_id=office["people"]["anna"].id)
    deals = office["deals"]
    services.deals.update(deals["ben0"].id, deals["ben0"].version, is_open=True)
    services.deals.update(
        deals["carl0"].id, deals["carl0"].version, observer_ids=[office["people"]["anna"].id]
    )
    anna = services.as_user("anna")
    expected = {"anna 0", "anna 1", "ben 0", "carl 0"}
    assert _visible(anna) == expected
    assert anna.deal_queries.count(DealFilter()) == 4
    assert anna.deal_queries.summary(DealFilter()).count == 4
    stages = [s.id for s in office["pipeline"].stages]
    columns = anna.kanban.columns(stages, DealFilter())
    assert sum(c.count for c in columns.values()) == 4
    cards = {c.title for s in stages for c in anna.kanban.cards(s, DealFilter())}
    assert cards == expected
    assert anna.kanban.card(deals["nina0"].id) is None
    today = date.today()
    calendar = anna.calendar.read(DealFilter(), "begin_date", today, today, per_day=None)
    assert sum(day.count for day in calendar.days.values()) == 4
    with pytest.raises(NotFoundError):
        anna.deals.get(deals["nina0"].id)


def test_a_manager_sees_the_department_and_its_sub_departments(services: Services, office) -> None:
    levels = dict.fromkeys(Action, Level.SUBDEPARTMENTS)
    _role(services, "Lead", uniform_rights(levels), user_id=office["people"]["anna"].id)
    _role(
        services,
        "Team",
        uniform_rights(dict.fromkeys(Action, Level.DEPARTMENT)),
        user_id=office["people"]["ben"].id,
    )
    assert _visible(services.as_user("anna")) == {"anna 0", "anna 1", "ben 0", "ben 1", "nina 0", "nina 1"}
    assert _visible(services.as_user("ben")) == {"anna 0", "anna 1", "ben 0", "ben 1"}


def test_a_role_given_to_a_department_reaches_its_sub_departments_only_when_asked(
    services: Services, office
) -> None:
    sales, _north, _accounting = office["departments"]
    role = services.roles.create("Sales", SALES)
    services.roles.assign(role.id, department_id=sales)
    assert _visible(services.as_user("nina")) == set()
    services.roles.assign(role.id, department_id=sales, with_subdepartments=True)
    assert _visible(services.as_user("nina")) == {"nina 0", "nina 1"}


def test_edits_deletes_and_moves_are_refused_with_the_reason(services: Services, office) -> None:
    pipeline = office["pipeline"]
    won = next(s for s in pipeline.stages if s.semantic.value == "won")
    rights = RoleRights.from_json(
        {
            **SALES.to_json(),
            "pipelines": {str(pipeline.id): {"move": [s.id for s in pipeline.stages if s != won]}},
        }
    )
    _role(services, "Sales", rights, user_id=office["people"]["anna"].id)
    deals = office["deals"]
    services.deals.update(deals["ben0"].id, deals["ben0"].version, is_open=True)
    anna = services.as_user("anna")
    ben0 = anna.deals.get(deals["ben0"].id)  # may read it (open) ...
    with pytest.raises(PermissionDeniedError, match="does not let you change the deal “ben 0”"):
        anna.deals.update(ben0.id, ben0.version, title="Mine now")  # ... not change it
    mine = anna.deals.get(deals["anna0"].id)
    with pytest.raises(PermissionDeniedError, match="does not let you delete"):
        anna.deals.delete(mine.id, mine.version)
    with pytest.raises(PermissionDeniedError, match="into the stage “Won”"):
        anna.deals.move_stage(mine.id, won.id, expected_version=mine.version)
    assert services.deals.get(mine.id).stage_id == mine.stage_id  # nothing changed
    assert services.deals.get(ben0.id).title == "ben 0"
    # In bulk: what may not be changed is left alone, and counted.
    result = anna.deal_bulk.update(DealSelection(matching=DealFilter()), "probability", 55)
    assert (result.changed, result.refused) == (2, 1)
    assert services.deals.get(ben0.id).probability != 55


def test_only_people_who_manage_settings_change_users_roles_and_products(services: Services, office) -> None:
    _role(services, "Sales", SALES, user_id=office["people"]["anna"].id)
    anna = services.as_user("anna")
    before = len(services.users.list())
    with pytest.raises(PermissionDeniedError, match=r"manage settings \(User\)"):
        anna.users.create(login="eve", name="Eve", is_admin=True)
    with pytest.raises(PermissionDeniedError, match=r"manage settings \(Role\)"):
        anna.roles.create("Mine", SALES)
    with pytest.raises(PermissionDeniedError, match=r"manage settings \(Product\)"):
        anna.products.create(name="Free lunch", price="0")
    from app.models import EntityType
    from app.services.fields.custom_fields import FieldType

    with pytest.raises(PermissionDeniedError, match=r"manage settings \(Field\)"):
        anna.custom_fields.create(EntityType.DEAL, "Secret", FieldType.TEXT)
    assert len(services.users.list()) == before
    # The settings switch lets a non-administrator manage users, but not make administrators.
    _role(services, "Office", RoleRights(manage_settings=True), user_id=office["people"]["ben"].id)
    ben = services.as_user("ben")
    ben.users.create(login="eve", name="Eve")
    with pytest.raises(PermissionDeniedError, match="Only an administrator"):
        ben.users.create(login="mallory", name="Mallory", is_admin=True)
    eve = services.users.by_login("eve")
    with pytest.raises(PermissionDeniedError, match="deactivate “Eve” instead"):
        services.users.delete(eve.id, eve.version)


def test_a_role_change_is_in_the_history(services: Services) -> None:
    role = services.roles.create("Interns", SALES)
    services.roles.update(role.id, role.version, rights=uniform_rights({Action.READ: Level.ALL}))
    from app.services.core.history import read_history

    with services.context.read() as session:
        entries = read_history(session, "role", role.id)
    changed = [e for e in entries if e.field == "rights"]
    assert changed
    assert '"read": "open"' in changed[0].old_value
    assert '"read": "all"' in changed[0].new_value


def test_grants_of_several_roles_are_their_union() -> None:
    assert Grant.of([Level.OWN, Level.DEPARTMENT]) == {Level.DEPARTMENT}
    assert Grant.of([Level.OPEN, Level.SUBDEPARTMENTS]) == {Level.OPEN, Level.SUBDEPARTMENTS}
    assert Grant.of([Level.NONE, Level.ALL, Level.OWN]) == {Level.ALL}
    assert Grant.of([Level.NONE]).nothing


# -- the matrix: random roles against a plain reference ----------------------------------------------------


def _reference(level: Level, me, deal, people) -> bool:
    """What a level means, written out plainly (independent of the SQL and of Access)."""
    own = deal["responsible"] == me["id"] or me["id"] in deal["observers"]
    if level is Level.ALL:
        return True
    if level is Level.NONE:
        return False
    if level is Level.OWN:
        return own
    if level is Level.OPEN:
        return own or deal["open"]
    owner = people.get(deal["responsible"])
    if owner is None:
        return own
    if level is Level.DEPARTMENT:
        return own or (owner["department"] is not None and owner["department"] == me["department"])
    return own or (owner["department"] in me["tree"])


LEVEL = st.sampled_from(list(Level))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    default=LEVEL,
    pipeline_level=st.none() | LEVEL,
    stage_level=st.none() | LEVEL,
    second=st.none() | LEVEL,
    opens=st.lists(st.booleans(), min_size=9, max_size=9),
)
def test_the_visible_deals_are_exactly_what_the_roles_say(
    services: Services, office, default, pipeline_level, stage_level, second, opens
) -> None:
    pipeline = office["pipeline"]
    stage = pipeline.stages[0]
    anna = office["people"]["anna"]
    for assignment in services.roles.assignments():
        services.roles.unassign(assignment.id)
    spec: dict = {"entities": {"deal": {"read": default.value}}, "pipelines": {}}
    if pipeline_level is not None or stage_level is not None:
        entry: dict = {}
        if pipeline_level is not None:
            entry["levels"] = {"read": pipeline_level.value}
        if stage_level is not None:
            entry["stages"] = {str(stage.id): {"read": stage_level.value}}
        spec["pipelines"][str(pipeline.id)] = entry
    name = f"R{abs(hash((default, pipeline_level, stage_level, second)))}"
    existing = {r.name: r for r in services.roles.list()}
    role = existing.get(name) or services.roles.create(name, spec)
    services.roles.assign(role.id, user_id=anna.id)
    if second is not None:
        other = existing.get(f"{name}b") or services.roles.create(
            f"{name}b", {"entities": {"deal": {"read": second.value}}}
        )
        services.roles.assign(other.id, user_id=anna.id)
    deals = sorted(office["deals"].values(), key=lambda d: d.id)
    for deal, is_open in zip(deals, opens, strict=True):
        current = services.deals.get(deal.id)
        if current.is_open != is_open:
            services.deals.update(deal.id, current.version, is_open=is_open)
    sales, north, accounting = office["departments"]
    people = {u.id: {"department": u.department_id} for u in services.users.list()}
    me = {"id": anna.id, "department": sales, "tree": {sales, north}}
    expected = set()
    for deal in deals:
        current = services.deals.get(deal.id)
        cell = default
        if pipeline_level is not None:
            cell = pipeline_level
        if stage_level is not None and current.stage_id == stage.id:
            cell = stage_level
        facts = {"responsible": current.responsible_id, "observers": (), "open": current.is_open}
        allowed = _reference(cell, me, facts, people)
        if second is not None:
            allowed = allowed or _reference(second, me, facts, people)
        if allowed:
            expected.add(current.title)
    seen = services.as_user("anna")
    assert _visible(seen) == expected
    assert seen.deal_queries.count(DealFilter()) == len(expected)
    assert accounting  # (Carl's department: never Anna's)
    _ = Entity.DEAL


def test_analytics_count_only_deals_the_person_may_read_and_whose_figures_they_may_see(
    services: Services, office
) -> None:
    from app.services.analytics.service import AnalyticsFilter

    pipeline = office["pipeline"]
    won = next(s for s in pipeline.stages if s.semantic.value == "won")
    deals = office["deals"]
    for key in ("anna0", "ben0", "carl0"):
        services.deals.move_stage(deals[key].id, won.id)
    ben0 = services.deals.get(deals["ben0"].id)
    services.deals.update(ben0.id, ben0.version, is_open=True)
    year = AnalyticsFilter(date(date.today().year, 1, 1), date(date.today().year, 12, 31))
    everyone = services.analytics.dashboard(year)
    assert sum(m.won for m in everyone.months) == 3

    own_only = _role(services, "Sales", SALES, user_id=office["people"]["anna"].id)
    anna = services.as_user("anna")
    assert sum(m.won for m in anna.analytics.dashboard(year).months) == 1  # her own figures only

    role = services.roles.get(own_only)
    wide = RoleRights.from_json({**SALES.to_json(), "switches": {"analytics": "all"}})
    services.roles.update(role.id, role.version, rights=wide)
    seen = anna.analytics.dashboard(year)
    assert sum(m.won for m in seen.months) == 2  # everybody's figures, of the deals she may read
    assert seen.funnel[-1].reached == 2
    assert sum(b.count for b in seen.sources) == 2


def test_a_rights_change_on_another_pc_applies_at_the_next_read(services: Services, office) -> None:
    from app.services.container import open_services

    _role(services, "Sales", SALES, user_id=office["people"]["anna"].id)
    anna = services.as_user("anna")
    assert _visible(anna) == {"anna 0", "anna 1"}  # read once, and kept
    other_pc = open_services(services.database.display_name)
    try:
        everyone = other_pc.roles.create("All", uniform_rights({Action.READ: Level.ALL}))
        other_pc.roles.assign(everyone.id, everyone=True)
    finally:
        other_pc.close()
    assert len(_visible(anna)) == 9  # the kept rights were read again


def test_exports_hold_only_what_the_role_lets_one_export_and_imports_need_the_right(
    services: Services, office, tmp_path
) -> None:
    import csv

    from app.services.deals.export import ExportFormat
    from app.services.importing.deals import ImportOptions

    rights = RoleRights.from_json(
        {**SALES.to_json(), "entities": {"deal": {"read": "open", "export": "own", "import": "none"}}}
    )
    _role(services, "Sales", rights, user_id=office["people"]["anna"].id)
    deals = office["deals"]
    ben0 = services.deals.get(deals["ben0"].id)
    services.deals.update(ben0.id, ben0.version, is_open=True)
    anna = services.as_user("anna")
    everything = [d.id for d in deals.values()]
    out = tmp_path / "deals.csv"
    written = anna.deal_export.export(out, ExportFormat.CSV, [("title", "Title")], ids=everything)
    with out.open(encoding="utf-8-sig") as written_file:
        titles = {row["Title"] for row in csv.DictReader(written_file)}
    assert titles == {"anna 0", "anna 1"}  # ben 0 may be read (open) but not exported; the rest not read
    assert written == 2
    source = tmp_path / "new.csv"
    source.write_text("Title\nSmuggled in\n", encoding="utf-8")
    table = anna.deal_import.open(source)
    with pytest.raises(PermissionDeniedError, match="import deals"):
        anna.deal_import.run(table, ImportOptions(mapping={0: "title"}))
    assert services.deal_queries.count(DealFilter(search="Smuggled")) == 0


def test_contacts_companies_and_leads_follow_their_own_levels(services: Services, office) -> None:
    from app.services.customers.queries import CustomerKind, CustomerSort

    people = office["people"]
    anna, ben = people["anna"], people["ben"]
    mine = services.contacts.create(
        first_name="Mine", last_name="Contact", responsible_id=anna.id, is_open=False
    )
    shared = services.contacts.create(first_name="Shared", last_name="Contact", responsible_id=ben.id)
    private = services.contacts.create(
        first_name="Private", last_name="Contact", responsible_id=ben.id, is_open=False
    )
    services.companies.create(title="Ben's private GmbH", responsible_id=ben.id, is_open=False)
    services.leads.create(title="Ben's lead", responsible_id=ben.id, is_open=False)
    _role(services, "Sales", SALES, user_id=anna.id)  # own and open, edit own, delete none
    as_anna = services.as_user("anna")
    rows = as_anna.customer_queries.page(CustomerKind.CONTACT, CustomerSort("name"), 0, 100)
    assert {r.name for r in rows} == {"Mine Contact", "Shared Contact"}  # open ones too (the default)
    assert as_anna.customer_queries.count(CustomerKind.CONTACT) == 2
    assert as_anna.customer_queries.count(CustomerKind.COMPANY) == 0
    assert as_anna.leads.count_rows() == 0
    with pytest.raises(NotFoundError):
        as_anna.contacts.get(private.id)
    seen = as_anna.contacts.get(shared.id)
    with pytest.raises(PermissionDeniedError, match="change or delete “Shared Contact”"):
        as_anna.contacts.update(shared.id, seen.version, position="Boss")
    own = as_anna.contacts.get(mine.id)
    as_anna.contacts.update(mine.id, own.version, position="Buyer")  # her own: fine
    # In bulk only what may be changed changes; the rest is left as it is.
    assert (
        as_anna.customer_queries.set_responsible(
            CustomerKind.CONTACT, [mine.id, shared.id, private.id], anna.id
        )
        == 0
    )
    assert as_anna.customer_queries.delete(CustomerKind.CONTACT, [mine.id, shared.id]) == 0  # deleting: none
    assert services.customer_queries.count(CustomerKind.CONTACT) == 3


def test_a_read_only_field_refuses_writes_from_every_path(services: Services, office, tmp_path) -> None:
    from app.models import EntityType
    from app.services.importing.deals import ImportOptions

    anna = office["people"]["anna"]
    everyone = services.roles.create("All deals", uniform_rights(dict.fromkeys(Action, Level.ALL)))
    services.roles.assign(everyone.id, user_id=anna.id)
    services.field_rules.set_access(EntityType.DEAL, "amount", visible_to=None, editable_by=[])
    services.field_rules.set_access(EntityType.DEAL, "probability", visible_to=None, editable_by=[])
    as_anna = services.as_user("anna")
    deal = as_anna.deals.get(office["deals"]["anna0"].id)
    with pytest.raises(PermissionDeniedError, match="You may not change Amount"):
        as_anna.deals.update(deal.id, deal.version, amount="999")
    renamed = as_anna.deals.update(deal.id, deal.version, title="Renamed")  # other fields: fine
    with pytest.raises(PermissionDeniedError, match="Amount"):
        as_anna.deal_form.save(deal.id, renamed.version, values={"amount": "999"})
    with pytest.raises(PermissionDeniedError, match="Probability"):
        as_anna.deal_bulk.update(DealSelection(ids=(deal.id,)), "probability", 90)
    with pytest.raises(PermissionDeniedError, match="Amount"):
        as_anna.deals.create(title="New", amount="5")
    source = tmp_path / "deals.csv"
    source.write_text("Title,Amount\nImported,10\n", encoding="utf-8")
    with pytest.raises(PermissionDeniedError, match="Amount"):
        as_anna.deal_import.run(
            as_anna.deal_import.open(source), ImportOptions(mapping={0: "title", 1: "amount"})
        )
    assert services.deals.get(deal.id).amount == deal.amount  # nothing changed anywhere
    as_anna.deal_form.save(deal.id, renamed.version, values={"amount": str(deal.amount), "title": "Again"})


def test_a_hidden_field_is_left_out_of_exports_and_the_command_lines_json(
    services: Services, office, tmp_path, capsys, monkeypatch
) -> None:
    import csv
    import json

    from app.cli import main
    from app.models import EntityType
    from app.services.deals.export import ExportFormat

    anna = office["people"]["anna"]
    everyone = services.roles.create("All deals", uniform_rights(dict.fromkeys(Action, Level.ALL)))
    services.roles.assign(everyone.id, user_id=anna.id)
    services.field_rules.set_access(
        EntityType.DEAL, "amount", visible_to=[office["people"]["ben"].id], editable_by=None
    )
    as_anna = services.as_user("anna")
    out = tmp_path / "deals.csv"
    columns = [("title", "Title"), ("amount", "Amount"), ("currency", "Currency"), ("source", "Source")]
    as_anna.deal_export.export(out, ExportFormat.CSV, columns, ids=[office["deals"]["anna0"].id])
    with out.open(encoding="utf-8-sig") as written:
        assert next(csv.reader(written)) == ["Title", "Source"]
    services.deal_export.export(out, ExportFormat.CSV, columns, ids=[office["deals"]["anna0"].id])
    with out.open(encoding="utf-8-sig") as written:
        assert next(csv.reader(written)) == ["Title", "Amount", "Currency", "Source"]  # the administrator's
    monkeypatch.delenv("DEALDESK_PASSWORD", raising=False)
    assert main(["--user", "anna", "deals", "list", "--json", "--db", services.database.display_name]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed
    assert all("amount" not in row and "currency" not in row for row in listed)
    assert all("title" in row for row in listed)


def test_duplicates_and_merges_stay_within_what_one_may_read_and_change(services: Services, office) -> None:
    from app.services.customers.queries import CustomerKind

    anna, ben = office["people"]["anna"], office["people"]["ben"]
    mine = services.contacts.create(
        first_name="Max", last_name="Muster", email="max@x.de", responsible_id=anna.id
    )
    hidden = services.contacts.create(
        first_name="Max", last_name="Muster", email="max@x.de", responsible_id=ben.id, is_open=False
    )
    _role(services, "Sales", SALES, user_id=anna.id)
    as_anna = services.as_user("anna")
    found = as_anna.duplicates.find(
        CustomerKind.CONTACT, name="Max Muster", email="max@x.de", exclude_id=mine.id
    )
    assert found == []  # Ben's private contact is not named, even as a duplicate
    assert as_anna.duplicates.scan(CustomerKind.CONTACT) == []
    assert len(services.duplicates.scan(CustomerKind.CONTACT)) >= 1  # the administrator sees the pair
    with pytest.raises(NotFoundError):
        as_anna.duplicates.merge(CustomerKind.CONTACT, (mine.id, mine.version), (hidden.id, hidden.version))
    assert services.contacts.get(hidden.id).id == hidden.id  # nothing merged


def test_an_undo_leaves_deals_one_may_no_longer_change(services: Services, office) -> None:
    anna = office["people"]["anna"]
    role_id = _role(services, "All", uniform_rights(dict.fromkeys(Action, Level.ALL)), user_id=anna.id)
    as_anna = services.as_user("anna")
    deals = office["deals"]
    chosen = (deals["anna0"].id, deals["ben0"].id)
    done = as_anna.deal_bulk.update(DealSelection(ids=chosen), "probability", 77)
    assert done.changed == 2
    role = services.roles.get(role_id)
    services.roles.update(role.id, role.version, rights=SALES)  # now she may change only her own deals
    undone = as_anna.deal_bulk.undo(done.operation_id)
    assert undone.changed == 1
    assert undone.skipped == 1
    assert services.deals.get(deals["anna0"].id).probability != 77
    assert services.deals.get(deals["ben0"].id).probability == 77


def test_a_search_never_finds_a_deal_through_a_field_one_may_not_see(services: Services, office) -> None:
    from app.models import EntityType

    anna = office["people"]["anna"]
    everyone = services.roles.create("All deals", uniform_rights(dict.fromkeys(Action, Level.ALL)))
    services.roles.assign(everyone.id, user_id=anna.id)
    acme = services.companies.create(title="Zebrafisch Holding")
    services.deals.create(title="Quiet order", company_id=acme.id)
    services.deals.create(title="Zebrafisch audit")
    assert services.deal_queries.count(DealFilter(search="zebraf")) == 2  # by company and by title
    services.field_rules.set_access(
        EntityType.DEAL, "company_id", visible_to=[services.actor.id], editable_by=None
    )
    as_anna = services.as_user("anna")
    assert _titles(as_anna, DealFilter(search="zebraf")) == {"Zebrafisch audit"}
    assert as_anna.deal_queries.count(DealFilter(search="zebraf")) == 1


def _titles(services: Services, deal_filter: DealFilter) -> set[str]:
    from app.services.deals.paging import DealSort

    return {row.title for row in services.deal_queries.page(deal_filter, DealSort(), 0, 100)}


def test_a_salespersons_search_finds_only_what_they_may_read(services: Services, office) -> None:
    """An administrator's search is read from the search index alone; a salesperson's is not (the
    index knows nothing of rights): it finds only their own deals and the open ones."""
    from app.services.deals.paging import DealSort

    _role(services, "Sales", SALES, user_id=office["people"]["anna"].id)
    anna = services.as_user("anna")
    assert services.deal_queries.cursor(DealFilter(search="ben"), DealSort())._search is not None
    assert anna.deal_queries.cursor(DealFilter(search="ben"), DealSort())._search is None
    assert services.deal_queries.count(DealFilter(search="ben")) == 2
    assert anna.deal_queries.count(DealFilter(search="ben")) == 0
    assert {r.title for r in anna.deal_queries.page(DealFilter(search="ben"), DealSort(), 0, 50)} == set()
    assert {r.title for r in anna.deal_queries.page(DealFilter(search="anna"), DealSort(), 0, 50)} == {
        "anna 0",
        "anna 1",
    }
