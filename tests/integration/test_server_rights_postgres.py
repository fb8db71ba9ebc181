"""Rights the server enforces: a salesperson's own database login sees, through any program (here
`psql`), exactly the deals Dealdesk shows them, and the server refuses to change the others."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from sqlalchemy.engine import make_url

from app.cli import main
from app.demo import generate_demo
from app.services.container import Services, open_services
from app.services.core.errors import PermissionDeniedError, ValidationError
from app.services.customers.queries import CustomerKind, CustomerSort
from app.services.deals.queries import DealFilter, DealSort

pytestmark = pytest.mark.postgres


def _psql(url: str, role: str, sql: str) -> str:
    """What plain psql prints for `sql`, signed in as `role` (the test server trusts local logins)."""
    address = make_url(url)
    psql = shutil.which("psql") or "/usr/lib/postgresql/15/bin/psql"
    where = ["-h", str(address.host), "-p", str(address.port), "-d", str(address.database)]
    done = subprocess.run(
        [psql, *where, "-U", role, "-At", "-c", sql],
        capture_output=True,
        text=True,
        env={**os.environ, "PGPASSWORD": "sam-secret-1"},
        check=False,
    )
    return (done.stdout + done.stderr).strip()


def _office(admin: Services) -> int:
    """The demo, and Sam, a salesperson who may read and change only his own deals."""
    generate_demo(admin.database, 120, seed=5)
    sam = admin.users.create(login="sam", name="Sam Seller")
    for assignment in admin.roles.assignments():
        if assignment.everyone:
            admin.roles.unassign(assignment.id)
    salesperson = next(r for r in admin.roles.list() if r.name == "Salesperson")
    admin.roles.assign(salesperson.id, user_id=sam.id)
    first = admin.deal_queries.page(DealFilter(), DealSort("id", descending=False), 0, 5)
    for row in first[:3]:
        deal = admin.deals.get(row.id)
        admin.deals.update(deal.id, deal.version, responsible_id=sam.id)
    return sam.id


def test_a_salespersons_own_login_sees_only_their_deals(postgres_url: str) -> None:
    admin = open_services(postgres_url)
    try:
        sam_id = _office(admin)
        role = admin.users.add_server_login(sam_id, "sam-secret-1")
        assert role == "dealdesk_sam"
        assert admin.users.server_logins() == {"dealdesk_sam": sam_id}
        everything = admin.deal_queries.count(DealFilter())
    finally:
        admin.close()

    as_sam = make_url(postgres_url).set(username=role).render_as_string(hide_password=False)
    sam = open_services(as_sam, login="admin")  # whatever it is asked: Sam's login acts as Sam
    try:
        assert sam.actor is not None
        assert sam.actor.login == "sam"
        shown = sam.deal_queries.count(DealFilter())
        assert 0 < shown < everything
        # The server itself, to any program: exactly the deals Dealdesk shows Sam.
        assert _psql(postgres_url, role, "SELECT count(*) FROM deal") == str(shown)
        theirs = admin_deal_not_sams(postgres_url, sam_id)
        assert (
            _psql(postgres_url, role, f"UPDATE deal SET title = 'mine now' WHERE id = {theirs}") == "UPDATE 0"
        )
        assert _psql(postgres_url, role, f"DELETE FROM deal WHERE id = {theirs}") == "DELETE 0"
        mine = sam.deal_queries.page(DealFilter(), DealSort("id"), 0, 1)[0].id
        assert (
            _psql(postgres_url, role, f"UPDATE deal SET comments = 'by psql' WHERE id = {mine}") == "UPDATE 1"
        )
        # Contacts and companies too; and the app keeps working for Sam through his login.
        contacts = (
            sam.customer_queries.count(CustomerKind.CONTACT)
            if hasattr(sam.customer_queries, "count")
            else None
        )
        if contacts is not None:
            assert _psql(postgres_url, role, "SELECT count(*) FROM contact") == str(contacts)
        made = sam.deals.create(title="Sam's new deal", responsible_id=sam_id)
        assert sam.deals.get(made.id).title == "Sam's new deal"
        assert sam.customer_queries.page(CustomerKind.COMPANY, CustomerSort(), 0, 10) is not None
        # Sam's own login cannot give himself more.
        with pytest.raises(PermissionDeniedError):
            sam.users.add_server_login(sam_id, "another-secret")
    finally:
        sam.close()


def test_rights_changed_in_dealdesk_change_on_the_server(postgres_url: str) -> None:
    admin = open_services(postgres_url)
    try:
        sam_id = _office(admin)
        role = admin.users.add_server_login(sam_id, "sam-secret-1")
        before = int(_psql(postgres_url, role, "SELECT count(*) FROM deal"))
        employee = next(r for r in admin.roles.list() if r.name == "Employee")
        admin.roles.assign(employee.id, user_id=sam_id)  # every record: the server follows at once
        after = int(_psql(postgres_url, role, "SELECT count(*) FROM deal"))
        assert after > before
        as_sam = make_url(postgres_url).set(username=role).render_as_string(hide_password=False)
        sam = open_services(as_sam)
        try:
            assert sam.deal_queries.count(DealFilter()) == after
        finally:
            sam.close()
    finally:
        admin.close()


def test_server_login_command(postgres_url: str, monkeypatch, capsys: pytest.CaptureFixture[str]) -> None:
    admin = open_services(postgres_url)
    try:
        _office(admin)
    finally:
        admin.close()
    monkeypatch.setenv("DEALDESK_NEW_PASSWORD", "sam-secret-1")
    assert main(["users", "server-login", "sam", "--db", postgres_url]) == 0
    assert "'dealdesk_sam'" in capsys.readouterr().out
    assert _psql(postgres_url, "dealdesk_sam", "SELECT count(*) FROM deal") == "3"


def test_logins_only_on_a_server_and_with_sound_names(postgres_url: str, services: Services) -> None:
    with pytest.raises(ValidationError, match="PostgreSQL"):
        services.users.add_server_login(services.actor.id, "long-enough-1")
    admin = open_services(postgres_url)
    try:
        with pytest.raises(ValidationError, match="small letters"):
            admin.users.add_server_login(admin.actor.id, "long-enough-1", role="Robert'); DROP TABLE deal;--")
        with pytest.raises(ValidationError, match="8 characters"):
            admin.users.add_server_login(admin.actor.id, "short")
    finally:
        admin.close()


def admin_deal_not_sams(url: str, sam_id: int) -> int:
    services = open_services(url)
    try:
        rows = services.deal_queries.page(DealFilter(), DealSort("id"), 0, 50)
        return next(r.id for r in rows if r.responsible_id != sam_id)
    finally:
        services.close()
