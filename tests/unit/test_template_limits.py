"""Hostile templates are refused quickly, in bounded memory, with a message naming the problem:
at storing (a test render) and at rendering (a template stored before the checks existed)."""

from __future__ import annotations

import io
import resource
import time
import zipfile

import pytest
from docx import Document
from docx_templates import store_unchecked, word_file

from app.services.container import Services
from app.services.core.errors import ValidationError
from app.services.documents import limits

LIMIT_SECONDS = 5.0
LIMIT_MB = 300


@pytest.fixture(autouse=True)
def warm_worker(services: Services) -> None:
    """The worker started before the clock runs: its start (slower under load) is not the render."""
    services.document_templates.check_template(word_file("{{ deal.title }}"))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


HOSTILE = {
    "repeat a field": ("{{ deal.currency * 300000000 }}", "longer than 1,000,000 characters"),
    "repeat a text": ("{{ 'x' * 10**9 }}", "longer than 1,000,000 characters"),
    "huge power": ("{{ 9 ** 999999999 }}", "longer than 1,000,000 characters"),
    "nested loops": (
        "{% for a in range(100000) %}{% for b in range(100000) %}{{ a }}{% endfor %}{% endfor %}",
        "more than 1,000,000 steps",
    ),
    "a billion steps": ("{% for a in range(10**9) %}{{ a }}{% endfor %}", "more than 1,000,000 steps"),
    "wide filter": ("{{ 'x' | center(10**9) }}", "longer than 1,000,000 characters"),
    "silent loops": (
        "{% for a in 'x' * 999999 %}{% for b in 'y' * 999999 %}{% endfor %}{% endfor %}",
        "took longer than 4 seconds",
    ),
    "memory": (
        "{% set l = [] %}{% for a in 'x' * 999999 %}{% set _ = l.append('y' * 999999) %}{% endfor %}",
        "more than 300 MB of memory",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_template_is_refused_when_stored_quickly_and_in_bounded_memory(
    services: Services, case: str
) -> None:
    body, says = HOSTILE[case]
    services.deals.create(title="Sample", currency="EUR")
    before = _peak_mb()
    started = time.monotonic()
    with pytest.raises(ValidationError, match=says):
        services.document_templates.add_template("Hostile", "other", word_file(body), "hostile.docx")
    took = time.monotonic() - started
    assert took <= LIMIT_SECONDS  # the worker is stopped at 4 s
    assert _peak_mb() - before < LIMIT_MB
    assert "Hostile" not in {t.name for t in services.document_templates.templates()}


def test_a_hostile_template_stored_earlier_is_refused_at_rendering(services: Services) -> None:
    deal = services.deals.create(title="Old template", currency="EUR")
    template_id = store_unchecked(
        services,
        "Old",
        word_file("{% for a in 'x' * 999999 %}{% for b in 'y' * 999999 %}{% endfor %}{% endfor %}"),
    )
    started = time.monotonic()
    with pytest.raises(ValidationError, match="took longer than"):
        services.documents.make(deal.id, template_id)
    assert time.monotonic() - started <= LIMIT_SECONDS
    assert services.documents.documents(deal.id) == []
    # The worker was stopped and is replaced: the next (good) template renders.
    good = services.document_templates.add_template("Good", "other", word_file("{{ deal.title }}"), "g.docx")
    assert services.documents.make(deal.id, good.id).number


def _bomb(part: str, size: int) -> bytes:
    """A real .docx with one more part that is tiny compressed and `size` bytes unpacked."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(word_file("{{ deal.title }}"))) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item, source.read(item))
        with target.open(part, "w", force_zip64=True) as stream:
            chunk = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                stream.write(chunk)
    return out.getvalue()


def test_a_docx_that_unpacks_to_gigabytes_is_refused_before_it_is_unpacked(services: Services) -> None:
    bomb = _bomb("word/media/image1.png", 200 << 20)
    assert len(bomb) < limits.MAX_TEMPLATE_BYTES  # the stored size alone let it through before
    before = _peak_mb()
    started = time.monotonic()
    with pytest.raises(ValidationError, match="unpacks to more than 80 MB"):
        services.document_templates.add_template("Bomb", "other", bomb, "bomb.docx")
    assert time.monotonic() - started <= LIMIT_SECONDS
    assert _peak_mb() - before < LIMIT_MB


def test_ordinary_templates_still_render(services: Services) -> None:
    deal = services.deals.create(title="Normal & <fine>", currency="EUR")
    body = "{% for n in range(3) %}{{ n }}{% endfor %} {{ deal.title }} {{ '-' * 40 }}"
    template = services.document_templates.add_template("Plain", "other", word_file(body), "p.docx")
    made = services.documents.make(deal.id, template.id)
    _name, content = services.documents.content(made.id)
    text = "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
    assert "012 Normal & <fine> " + "-" * 40 in text


def test_a_template_checked_once_is_not_filled_again_when_stored(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.documents import templates

    fills: list[bytes] = []
    real = templates.render
    monkeypatch.setattr(
        templates, "render", lambda content, *a, **k: fills.append(content) or real(content, *a, **k)
    )
    content = word_file("{{ deal.title }} checked once, stored after")
    used, _unknown = services.document_templates.check_template(content, "once.docx")
    services.document_templates.add_template("Once", "other", content, "once.docx")
    assert used == ["deal"]
    assert fills == [content]
