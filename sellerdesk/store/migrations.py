"""The versioned schema of the SellerDesk database.

Each migration is a function registered on ``MIGRATIONS`` in the order it must run. A released
migration is never edited: add a new one. Times are stored as ISO-8601 UTC text
(``2026-11-26T08:30:00Z``) so they sort as text; JSON lists/objects are stored as text.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("sellerdesk")


def _run(db: Database, script: str) -> None:
    """Run ``;``-separated DDL statements one by one (inside the migration's transaction)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


@MIGRATIONS(name="m001_initial")
def m001_initial(db: Database) -> None:
    _run(
        db,
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT
        );
        CREATE TABLE orders (
            order_id TEXT PRIMARY KEY,
            marketplace TEXT,
            item_title TEXT,
            asins TEXT NOT NULL DEFAULT '[]',
            buyer_name TEXT,
            ordered_at TEXT,
            delivered_at TEXT,
            review_requested_at TEXT
        );
        CREATE TABLE conversations (
            id INTEGER PRIMARY KEY,
            thread_key TEXT NOT NULL UNIQUE,
            order_id TEXT REFERENCES orders(order_id),
            marketplace TEXT,
            buyer_name TEXT,
            relay_address TEXT,
            subject TEXT,
            status TEXT NOT NULL DEFAULT 'needs_reply'
                CHECK (status IN ('needs_reply', 'replied', 'no_response_needed', 'closed')),
            status_changed_at TEXT,
            notes TEXT NOT NULL DEFAULT '',
            first_message_at TEXT,
            last_message_at TEXT,
            message_count INTEGER NOT NULL DEFAULT 0,
            oldest_unanswered_at TEXT,
            reply_due_at TEXT,
            last_reply_at TEXT,
            nrn_link TEXT
        );
        CREATE INDEX idx_conversations_reply_due ON conversations(reply_due_at);
        CREATE INDEX idx_conversations_last_message ON conversations(last_message_at);
        CREATE INDEX idx_conversations_status ON conversations(status);
        CREATE INDEX idx_conversations_order ON conversations(order_id);
        CREATE INDEX idx_conversations_relay ON conversations(relay_address);
        CREATE TABLE conversation_tags (
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (conversation_id, tag)
        );
        CREATE INDEX idx_conversation_tags_tag ON conversation_tags(tag);
        CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            message_key TEXT NOT NULL UNIQUE,
            message_id TEXT,
            conversation_id INTEGER REFERENCES conversations(id),
            kind TEXT NOT NULL,
            marketplace TEXT,
            order_id TEXT,
            asins TEXT NOT NULL DEFAULT '[]',
            item_title TEXT,
            buyer_name TEXT,
            relay_address TEXT,
            subject TEXT,
            buyer_text TEXT,
            seller_text TEXT,
            body_text TEXT,
            received_at TEXT NOT NULL,
            extra TEXT NOT NULL DEFAULT '{}',
            source TEXT,
            raw BLOB NOT NULL,
            parser_version INTEGER NOT NULL DEFAULT 1,
            imported_at TEXT NOT NULL,
            answered_at TEXT,
            no_response_needed INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX idx_messages_conversation ON messages(conversation_id, received_at);
        CREATE INDEX idx_messages_received ON messages(received_at);
        CREATE INDEX idx_messages_kind ON messages(kind);
        CREATE INDEX idx_messages_order ON messages(order_id);
        CREATE TABLE attachments (
            id INTEGER PRIMARY KEY,
            message_rowid INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
            filename TEXT,
            content_type TEXT,
            size INTEGER NOT NULL,
            data BLOB
        );
        CREATE INDEX idx_attachments_message ON attachments(message_rowid);
        CREATE TABLE return_cases (
            id INTEGER PRIMARY KEY,
            order_id TEXT NOT NULL UNIQUE REFERENCES orders(order_id),
            conversation_id INTEGER REFERENCES conversations(id),
            marketplace TEXT,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
            opened_at TEXT NOT NULL,
            opened_by TEXT NOT NULL DEFAULT 'import',
            item_title TEXT,
            asin TEXT,
            quantity INTEGER,
            reason TEXT,
            buyer_comment TEXT,
            seller_fault INTEGER,
            carrier TEXT,
            tracking TEXT,
            amount REAL,
            currency TEXT,
            international INTEGER NOT NULL DEFAULT 0,
            requested_at TEXT,
            authorized_at TEXT,
            item_received_at TEXT,
            refunded_at TEXT,
            atoz_claim_at TEXT,
            atoz_deadline TEXT,
            data TEXT NOT NULL DEFAULT '{}'
        );
        CREATE TABLE return_steps (
            case_id INTEGER NOT NULL REFERENCES return_cases(id) ON DELETE CASCADE,
            step_id TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'not_applicable')),
            done_at TEXT,
            note TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (case_id, step_id)
        );
        CREATE TABLE case_evidence (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES return_cases(id) ON DELETE CASCADE,
            original_name TEXT NOT NULL,
            stored_name TEXT NOT NULL,
            content_type TEXT,
            size INTEGER NOT NULL,
            added_at TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE templates (
            id INTEGER PRIMARY KEY,
            template_key TEXT NOT NULL,
            language TEXT NOT NULL,
            title TEXT NOT NULL,
            subject TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            builtin INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL,
            UNIQUE (template_key, language)
        );
        CREATE TABLE drafts (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            subject TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            language TEXT,
            template_key TEXT,
            purpose TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            sent_at TEXT,
            sent_via TEXT
        );
        CREATE INDEX idx_drafts_conversation ON drafts(conversation_id, sent_at)
        """,
    )


def known_migration_names() -> set[str]:
    """Names of every migration this build knows."""
    return {migration.name for migration in MIGRATIONS._migrations}
