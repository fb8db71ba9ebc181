"""Form layouts: stored per person or for everyone, per pipeline, forced; resolved in that order."""

from __future__ import annotations

import pytest

from app.services.container import Services
from app.services.core.errors import PermissionDeniedError, ValidationError
from app.services.fields.custom_fields import EntityType, FieldType
from app.services.fields.form_layouts import Section

DEAL = EntityType.DEAL


def _one_section(title: str, *fields: str) -> list[Section]:
    return [Section("main", title, 1, fields)]


def test_the_default_places_every_field(services: Services) -> None:
    services.custom_fields.create(DEAL, "Region", FieldType.STRING)
    layout = services.form_layouts.layout(DEAL)
    assert layout.scope == "default"
    assert [s.key for s in layout.sections] == ["main", "customer", "more"]
    assert layout.sections[0].columns == 2
    assert "uf:region" in layout.sections[-1].fields
    assert len(layout.placed()) == len(set(layout.placed()))


def test_personal_beats_shared_unless_shared_is_forced(services: Services) -> None:
    services.form_layouts.save(DEAL, _one_section("Office", "title"), shared=True)
    assert services.form_layouts.layout(DEAL).sections[0].title == "Office"
    services.form_layouts.save(DEAL, _one_section("Mine", "title", "amount"))
    layout = services.form_layouts.layout(DEAL)
    assert (layout.scope, layout.sections[0].title) == ("personal", "Mine")
    services.form_layouts.save(DEAL, _one_section("Office", "title"), shared=True, forced=True)
    layout = services.form_layouts.layout(DEAL)
    assert (layout.scope, layout.forced, layout.sections[0].title) == ("shared", True, "Office")
    services.form_layouts.reset(DEAL, shared=True)
    assert services.form_layouts.layout(DEAL).sections[0].title == "Mine"
    services.form_layouts.reset(DEAL)
    assert services.form_layouts.layout(DEAL).scope == "default"


def test_a_pipeline_can_have_its_own_layout(services: Services) -> None:
    pipeline = services.pipelines.list()[0]
    services.form_layouts.save(DEAL, _one_section("All"), shared=True)
    services.form_layouts.save(DEAL, _one_section("Sales only"), shared=True, pipeline_id=pipeline.id)
    assert services.form_layouts.layout(DEAL, pipeline.id).sections[0].title == "Sales only"
    other = services.pipelines.create_pipeline("Wholesale")
    assert services.form_layouts.layout(DEAL, other.id).sections[0].title == "All"


def test_other_peoples_personal_layouts_are_theirs(services: Services) -> None:
    services.users.create(login="clerk", name="Carl Clerk")
    clerk = services.as_user("clerk")
    clerk.form_layouts.save(DEAL, _one_section("Carl's"))
    assert clerk.form_layouts.layout(DEAL).sections[0].title == "Carl's"
    assert services.form_layouts.layout(DEAL).scope == "default"
    with pytest.raises(PermissionDeniedError):
        clerk.form_layouts.save(DEAL, _one_section("For all"), shared=True)


def test_fields_placed_nowhere_join_the_last_section_and_gone_ones_drop(services: Services) -> None:
    gone = services.custom_fields.create(DEAL, "Old field", FieldType.STRING)
    services.form_layouts.save(
        DEAL,
        [Section("main", None, 2, ("title", "uf:old_field")), Section("x", "Extra", 1, ("amount",))],
        hidden=("comments",),
    )
    services.custom_fields.delete(gone.id, gone.version)
    services.custom_fields.create(DEAL, "New field", FieldType.STRING)
    layout = services.form_layouts.layout(DEAL)
    assert layout.sections[0].fields == ("title",)
    assert layout.sections[1].fields[0] == "amount"
    assert "uf:new_field" in layout.sections[1].fields
    assert "comments" not in layout.placed()
    assert layout.hidden == ("comments",)


def test_bad_layouts_are_refused(services: Services) -> None:
    with pytest.raises(ValidationError, match="at least one section"):
        services.form_layouts.save(DEAL, [])
    with pytest.raises(ValidationError, match="needs a name"):
        services.form_layouts.save(DEAL, [Section("main", "  ", 1, ("title",))])
    with pytest.raises(ValidationError, match="can't be hidden"):
        services.form_layouts.save(DEAL, _one_section("A", "amount"), hidden=("title",))
    assert services.form_layouts.layout(DEAL).scope == "default"
