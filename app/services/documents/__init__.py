"""Documents from templates: quotes, invoices and any Word document, rendered from a deal.

templates (the Word files), office (letterhead, number patterns), render_context (what a
template sees), rendering (the sandbox), numbering, pdf, and service (a deal's documents)."""
