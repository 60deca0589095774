"""The versioned schema of the SellerDesk database.

Each migration is a function registered on ``MIGRATIONS`` in the order it must run. A released
migration is never edited: add a new one. Times are stored as ISO-8601 UTC text
(``2026-11-26T08:30:00Z``) so they sort as text; JSON lists/objects are stored as text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sellerdesk.store.migration_set import MigrationSet

if TYPE_CHECKING:
    from sqlite_utils import Database

# Registers like sqlite-utils' ``Migrations`` without importing it (start-up speed, see there).
MIGRATIONS = MigrationSet("sellerdesk")


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
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'done', 'not_applicable')),
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
    return set(MIGRATIONS.names())


@MIGRATIONS(name="m002_return_next_due")
def m002_return_next_due(db: Database) -> None:
    """Each return case's next open step and its deadline, kept current by the returns service,
    so the inbox and the due-today view find due cases with an indexed query."""
    _run(
        db,
        """
        ALTER TABLE return_cases ADD COLUMN next_step TEXT;
        ALTER TABLE return_cases ADD COLUMN next_due_at TEXT;
        CREATE INDEX idx_return_cases_next_due ON return_cases(status, next_due_at)
        """,
    )


# Sort keys of the inbox (see store/inbox_repo.py): each is one expression with an index, so
# every sort order pages with an indexed keyset query. Never NULL, so keyset comparisons hold.
INBOX_URGENCY_KEY = (
    "(CASE WHEN status = 'needs_reply' AND reply_due_at IS NOT NULL "
    "THEN CAST(strftime('%s', reply_due_at) AS INTEGER) "
    "ELSE 20000000000 - CAST(strftime('%s', COALESCE(last_message_at, "
    "'1970-01-01T00:00:00Z')) AS INTEGER) END)"
)
INBOX_RECEIVED_KEY = "COALESCE(last_message_at, '')"
INBOX_BUYER_KEY = "COALESCE(buyer_name, '') COLLATE NOCASE"
INBOX_ORDER_KEY = "COALESCE(order_id, '')"
INBOX_STATUS_KEY = (
    "(CASE status WHEN 'needs_reply' THEN 0 WHEN 'replied' THEN 1 "
    "WHEN 'no_response_needed' THEN 2 ELSE 3 END)"
)


@MIGRATIONS(name="m003_search_and_inbox")
def m003_search_and_inbox(db: Database) -> None:
    """Full-text search over messages (CJK as bigrams, see store/search_repo.py) and the
    indexes the inbox sorts and filters on.

    Triggers only queue changed message ids in ``search_queue`` (a few microseconds per row,
    plain SQL so every connection keeps it); ``search_repo.index_pending`` turns queued
    messages into ``message_fts`` rows, at the end of an import and before every search.
    """
    statements = [
        "CREATE VIRTUAL TABLE message_fts USING fts5("
        "subject, body, buyer, refs, notes, tokenize = 'unicode61 remove_diacritics 2')",
        "CREATE TABLE search_queue (message_id INTEGER PRIMARY KEY)",
        "CREATE TRIGGER messages_search_insert AFTER INSERT ON messages BEGIN "
        "INSERT OR IGNORE INTO search_queue(message_id) VALUES (new.id); END",
        "CREATE TRIGGER messages_search_update AFTER UPDATE OF subject, buyer_text, buyer_name,"
        " order_id, asins, item_title, conversation_id ON messages BEGIN "
        "INSERT OR IGNORE INTO search_queue(message_id) VALUES (new.id); END",
        "CREATE TRIGGER messages_search_delete AFTER DELETE ON messages BEGIN "
        "INSERT OR IGNORE INTO search_queue(message_id) VALUES (old.id); END",
        "CREATE TRIGGER conversations_search_notes AFTER UPDATE OF notes ON conversations "
        "WHEN new.notes IS NOT old.notes BEGIN "
        "INSERT OR IGNORE INTO search_queue(message_id) "
        "SELECT id FROM messages WHERE conversation_id = new.id; END",
        "INSERT INTO search_queue(message_id) SELECT id FROM messages",
        f"CREATE INDEX idx_inbox_urgency ON conversations({INBOX_URGENCY_KEY})",
        f"CREATE INDEX idx_inbox_received ON conversations({INBOX_RECEIVED_KEY})",
        f"CREATE INDEX idx_inbox_buyer ON conversations({INBOX_BUYER_KEY})",
        f"CREATE INDEX idx_inbox_order ON conversations({INBOX_ORDER_KEY})",
        f"CREATE INDEX idx_inbox_status ON conversations({INBOX_STATUS_KEY})",
        "CREATE INDEX idx_conversations_marketplace ON conversations(marketplace)",
        "CREATE INDEX idx_messages_kind_conversation ON messages(kind, conversation_id)",
        "CREATE INDEX idx_return_cases_conversation ON return_cases(conversation_id)",
    ]
    for statement in statements:
        db.execute(statement)


@MIGRATIONS(name="m004_message_relay_alias")
def m004_message_relay_alias(db: Database) -> None:
    """The buyer's relay alias (relay address without its +tag) on each message, indexed, so
    the importer threads a message that shows no order id to the order its alias was seen
    with."""
    _run(
        db,
        """
        ALTER TABLE messages ADD COLUMN relay_alias TEXT;
        UPDATE messages SET relay_alias = lower(
            CASE WHEN instr(relay_address, '+') > 0
                 THEN substr(relay_address, 1, instr(relay_address, '+') - 1)
                      || substr(relay_address, instr(relay_address, '@'))
                 ELSE relay_address END)
            WHERE relay_address IS NOT NULL;
        CREATE INDEX idx_messages_relay_alias ON messages(relay_alias, received_at)
        """,
    )


@MIGRATIONS(name="m005_fewer_message_indexes")
def m005_fewer_message_indexes(db: Database) -> None:
    """Two indexes on messages instead of four, so each imported message updates fewer b-trees.

    ``(kind, received_at)`` serves the reply-time metrics (buyer messages in a time range, in
    order) and the latest opt-out bounce; ``idx_messages_conversation`` gains ``kind`` so the
    inbox's latest-kind column and kind filter, and "did the buyer write", read the index
    alone. Nothing else queried ``idx_messages_kind`` or ``idx_messages_received``.
    """
    _run(
        db,
        """
        DROP INDEX IF EXISTS idx_messages_kind;
        DROP INDEX IF EXISTS idx_messages_received;
        DROP INDEX IF EXISTS idx_messages_kind_conversation;
        DROP INDEX IF EXISTS idx_messages_conversation;
        CREATE INDEX idx_messages_conversation ON messages(conversation_id, received_at, kind);
        CREATE INDEX idx_messages_kind_received ON messages(kind, received_at)
        """,
    )
