"""Document scenarios: a quote with 20 product rows rendered and kept; a batch of 100."""

from __future__ import annotations

import io
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from benchmarks.runner import median_ms, scenario


def run(path: Path, runs: int) -> dict[str, dict[str, Any]]:
    from docxtpl import DocxTemplate

    from app.services.container import open_services
    from app.services.deals.filters import DealFilter
    from app.services.deals.paging import DealSort
    from app.services.deals.pricing import ProductLine
    from app.services.documents.rendering import environment as _environment

    services = open_services(str(path))
    documents = services.documents
    document_templates = services.document_templates
    quote = next((t for t in document_templates.templates() if t.name == "Quote"), None)
    if quote is None:
        document_templates.add_shipped_templates()
        quote = next(t for t in document_templates.templates() if t.name == "Quote")
    deals = services.deal_queries.page(DealFilter(closed=False), DealSort("id"), 0, 101)
    first = services.deal_form.load(deals[0].id)
    rows = [
        ProductLine(
            f"Item {n}", Decimal(f"{10 + n}.50"), Decimal(n % 4 + 1), tax_rate=Decimal(19 if n % 3 else 7)
        )
        for n in range(20)
    ]
    services.deal_form.save(first.deal.id, first.deal.version, values={}, products=rows)
    one_ms = median_ms(lambda: documents.make(first.deal.id, quote.id), runs)
    template_bytes = document_templates.template_content(quote.id)
    context = documents.context(first.deal.id, quote.language)
    context["document"] = {"number": "QUO-0", "date": "27 Nov 2026", "kind": "quote", "title": "x"}
    values = {k: v for k, v in context.items() if not k.startswith("_")}

    def bare() -> None:  # docxtpl alone: the same template and values, nothing read or kept
        template = DocxTemplate(io.BytesIO(template_bytes))
        template.render(values, jinja_env=_environment())
        template.save(io.BytesIO())

    results = {"doc_render_one": scenario(one_ms, median_ms(bare, runs), rows=20)}
    started = time.perf_counter()
    documents.make_many([d.id for d in deals[1:101]], quote.id)
    results["doc_render_batch_100"] = {
        "ms": round((time.perf_counter() - started) * 1000, 1),
        "documents": 100,
    }
    services.close()
    return results
