"""Reply templates as the seller uses them: the starter library, editing, files, values.

- ``seed_builtins`` adds the starter library (``assets/templates/starter.json``) once per
  library version; running it again adds nothing, and templates the seller edited or deleted
  stay as the seller left them.
- ``export_file`` / ``import_file`` exchange templates as a JSON file
  (``{"format": "sellerdesk-templates", "version": 1, "templates": [...]}``).
- ``placeholder_values`` turns what the store knows about a conversation into values for
  ``{buyer_name}``, ``{order_id}``, ``{item}``, ``{asin}``, ``{marketplace}``, ``{seller_name}``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sellerdesk.domain import templates as domain
from sellerdesk.domain.templates import Template
from sellerdesk.errors import UsageError
from sellerdesk.paths import assets_dir
from sellerdesk.store import templates_repo
from sellerdesk.store.drafts_repo import ReplyFacts
from sellerdesk.store.store import Store

FILE_FORMAT = "sellerdesk-templates"
FILE_VERSION = 1
LIBRARY_VERSION_SETTING = "templates.starter_version"
SELLER_NAME_SETTING = "seller_name"


class TemplateFileError(UsageError):
    """A template file that is not SellerDesk's format, or holds an invalid template."""


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int


def starter_path() -> Path:
    return assets_dir() / "templates" / "starter.json"


def _template_from_entry(entry: object, builtin: bool, where: str) -> Template:
    if not isinstance(entry, dict):
        raise TemplateFileError(f"{where}: each template must be an object")
    try:
        key = domain.validate_key(str(entry["key"]))
        language = domain.validate_language(str(entry["language"]))
        title = str(entry["title"]).strip()
        body = str(entry["body"])
    except KeyError as missing:
        raise TemplateFileError(f"{where}: a template lacks the field {missing}") from None
    except ValueError as error:
        raise TemplateFileError(f"{where}: {error}") from None
    if not title or not body.strip():
        raise TemplateFileError(f"{where}: template {key}/{language} has no title or no body")
    return Template(
        key=key,
        language=language,
        title=title,
        subject=str(entry.get("subject", "")),
        body=body,
        builtin=builtin,
    )


def parse_document(text: str, where: str, builtin: bool = False) -> tuple[int, list[Template]]:
    """(library version, templates) of a template file's text; ``TemplateFileError`` if bad."""
    try:
        document = json.loads(text)
    except ValueError as error:
        raise TemplateFileError(f"{where} is not a JSON file: {error}") from None
    if not isinstance(document, dict) or document.get("format") != FILE_FORMAT:
        raise TemplateFileError(f"{where} is not a SellerDesk template file")
    if document.get("version") != FILE_VERSION:
        raise TemplateFileError(f"{where}: unsupported template file version")
    entries = document.get("templates")
    if not isinstance(entries, list):
        raise TemplateFileError(f"{where}: 'templates' must be a list")
    parsed = [_template_from_entry(entry, builtin, where) for entry in entries]
    return int(document.get("library_version", 0)), parsed


@lru_cache(maxsize=1)
def starter_library() -> tuple[int, tuple[Template, ...]]:
    """The shipped starter library: (library version, templates)."""
    path = starter_path()
    version, parsed = parse_document(path.read_text(encoding="utf-8"), str(path), builtin=True)
    return version, tuple(parsed)


def placeholder_values(facts: ReplyFacts | None, seller_name: str | None) -> dict[str, str]:
    """Values the store knows for a conversation's placeholders (empty ones left out)."""
    values: dict[str, str | None] = {"seller_name": seller_name}
    if facts is not None:
        values.update(
            buyer_name=facts.buyer_name,
            order_id=facts.order_id,
            item=facts.item,
            asin=facts.asin,
            marketplace=domain.marketplace_store_name(facts.marketplace) or facts.marketplace,
        )
    return {name: value.strip() for name, value in values.items() if value and value.strip()}


class TemplateService:
    """Reads and changes the seller's template library."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # --- library ------------------------------------------------------------------------
    def seed_builtins(self) -> int:
        """Add the starter library once per library version; returns templates added."""
        version, starters = starter_library()
        stored = int(self.store.get_setting(LIBRARY_VERSION_SETTING) or 0)
        if stored >= version:
            return 0
        with self.store.write() as db:
            added = templates_repo.insert_missing(db, starters)
        # INSERT OR IGNORE above makes a crash between the two writes harmless.
        self.store.set_setting(LIBRARY_VERSION_SETTING, str(version))
        return added

    def templates(self, language: str | None = None) -> list[Template]:
        with self.store.read() as db:
            return templates_repo.list_templates(db, language)

    def variants(self, key: str) -> list[Template]:
        with self.store.read() as db:
            return templates_repo.variants(db, key)

    def get(self, template_id: int) -> Template | None:
        with self.store.read() as db:
            return templates_repo.get_template(db, template_id)

    def find(self, key: str, language: str) -> Template | None:
        with self.store.read() as db:
            return templates_repo.find_template(db, key, language)

    def for_language(self, key: str, language: str) -> Template | None:
        """The variant of ``key`` in ``language``, else English, else any."""
        return domain.pick_variant(self.variants(key), language)

    # --- editing ------------------------------------------------------------------------
    def edit(self, template_id: int, title: str, subject: str, body: str) -> None:
        self._require_text(title, body)
        with self.store.write() as db:
            if not templates_repo.update(db, template_id, title.strip(), subject, body):
                raise UsageError(f"template {template_id} does not exist")

    def add(self, key: str, language: str, title: str, subject: str, body: str) -> int:
        """A new template (or a new language variant of an existing key); returns its id."""
        key = self._checked(domain.validate_key, key)
        language = self._checked(domain.validate_language, language)
        self._require_text(title, body)
        with self.store.write() as db:
            if templates_repo.find_template(db, key, language) is not None:
                raise UsageError(f"a template {key} in {language} exists already")
            return templates_repo.upsert(
                db,
                Template(
                    key=key, language=language, title=title.strip(), subject=subject, body=body
                ),
            )

    def delete(self, template_id: int) -> None:
        with self.store.write() as db:
            templates_repo.delete(db, template_id)

    @staticmethod
    def _checked(check, value: str) -> str:  # type: ignore[no-untyped-def]
        try:
            return check(value)
        except ValueError as error:
            raise UsageError(str(error)) from None

    @staticmethod
    def _require_text(title: str, body: str) -> None:
        if not title.strip():
            raise UsageError("a template needs a title")
        if not body.strip():
            raise UsageError("a template needs a body")

    # --- files --------------------------------------------------------------------------
    def export_file(self, path: Path, keys: list[str] | None = None) -> int:
        """Write templates (all, or those of ``keys``) to a JSON file; returns how many."""
        chosen = [t for t in self.templates() if keys is None or t.key in keys]
        document = {
            "format": FILE_FORMAT,
            "version": FILE_VERSION,
            "templates": [
                {
                    "key": t.key,
                    "language": t.language,
                    "title": t.title,
                    "subject": t.subject,
                    "body": t.body,
                }
                for t in chosen
            ],
        }
        text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
        Path(path).write_text(text, encoding="utf-8")
        return len(chosen)

    def import_file(self, path: Path) -> ImportResult:
        """Add the file's templates; same key and language replaces the stored text."""
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise TemplateFileError(f"cannot read {path}: {error}") from None
        _, parsed = parse_document(text, str(path))
        added = updated = 0
        with self.store.write() as db:
            for template in parsed:
                exists = templates_repo.find_template(db, template.key, template.language)
                templates_repo.upsert(db, template)
                if exists is None:
                    added += 1
                else:
                    updated += 1
        return ImportResult(added=added, updated=updated)

    # --- values -------------------------------------------------------------------------
    def seller_name(self) -> str | None:
        return self.store.get_setting(SELLER_NAME_SETTING)

    def set_seller_name(self, name: str) -> None:
        self.store.set_setting(SELLER_NAME_SETTING, name.strip() or None)
