"""Regenerates what the user guide takes from the app (`make guide`): the screenshots its pages show
(rendered by `dealdesk shots` in English and German, copied to docs/guide/images/<language>/) and the
list of every document placeholder in documents.md. The pages' text is written by hand.

    python -m tools.guide
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "guide"
LANGUAGES = ("en", "de")
START, END = "<!-- placeholders: written by `make guide` -->", "<!-- end of placeholders -->"


def referenced(language: str) -> set[str]:
    """The screenshots the language's pages show."""
    names: set[str] = set()
    for page in (GUIDE / language).glob("*.md"):
        names.update(re.findall(rf"\.\./images/{language}/([\w.-]+\.png)", page.read_text(encoding="utf-8")))
    return names


def placeholders(language: str, database: str) -> str:
    from app.services.container import open_services

    services = open_services(database, language=language)
    try:
        rows = services.document_templates.reference()
    finally:
        services.close()
    head = "| Placeholder | Example |" if language == "en" else "| Platzhalter | Beispiel |"
    lines = [head, "| --- | --- |"]
    for placeholder, example in rows:
        shown = example.replace("|", "\\|").replace("\n", " ")
        lines.append(f"| `{placeholder}` | {shown} |")
    return "\n".join(lines)


def save_small(source: Path, target: Path) -> None:
    """A screenshot as a 256-colour PNG: a third of the size (the guide travels inside the app) and,
    flat as a user interface is, not visibly different."""
    from PIL import Image

    with Image.open(source) as picture:
        colours = picture.convert("RGB").quantize(256, Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        colours.save(target, "PNG", optimize=True)


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.demo import generate_demo
    from app.gui.shots import render_shots
    from app.services.container import open_services

    with tempfile.TemporaryDirectory(prefix="dealdesk-guide-") as scratch:
        for language in LANGUAGES:
            out = Path(scratch) / language
            render_shots(out, database=None, language=language)
            target = GUIDE / "images" / language
            if target.exists():
                shutil.rmtree(target)
            target.mkdir(parents=True)
            wanted = referenced(language)
            missing = sorted(n for n in wanted if not (out / n).exists())
            if missing:
                raise SystemExit(f"the {language} guide shows screenshots that are not made: {missing}")
            for name in sorted(wanted):
                save_small(out / name, target / name)
            database = str(Path(scratch) / f"reference-{language}.sqlite")
            services = open_services(database, language=language)
            generate_demo(services.database, 50, seed=1, language=language, scratch_file=True)
            services.close()
            page = GUIDE / language / "documents.md"
            text = page.read_text(encoding="utf-8")
            table = placeholders(language, database)
            text = re.sub(
                re.escape(START) + r".*?" + re.escape(END), f"{START}\n{table}\n{END}", text, flags=re.S
            )
            page.write_text(text, encoding="utf-8")
            print(f"{language}: {len(wanted)} screenshots, {table.count(chr(10)) - 1} placeholders")


if __name__ == "__main__":
    main()
