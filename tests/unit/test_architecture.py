"""The code's shape holds: no import cycle anywhere in app/, and the services package imports nothing."""

from __future__ import annotations

from pathlib import Path

import grimp


def test_no_module_of_the_app_imports_itself_round_a_cycle() -> None:
    # Type-only imports (under TYPE_CHECKING) never run, so they can't knot start-up.
    graph = grimp.build_graph("app", include_external_packages=False, exclude_type_checking_imports=True)
    cycles = [
        (module, other)
        for module in graph.modules
        for other in graph.find_modules_directly_imported_by(module)
        if graph.chain_exists(importer=other, imported=module)
    ]
    assert not cycles, f"import cycles: {sorted(cycles)[:10]}"


def test_the_services_package_itself_imports_nothing() -> None:
    """Importing one service must not load the container and every other service with it."""
    init = Path(__file__).resolve().parents[2] / "app" / "services" / "__init__.py"
    code = [line for line in init.read_text().splitlines() if line.startswith(("import ", "from "))]
    assert code == []
