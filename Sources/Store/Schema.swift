import GRDB
import GRDBSQLite

/// The versioned schema. Migrations are append-only: a released migration is
/// never edited; a change is a new migration (tests migrate from each one).
enum Schema {
    /// PRAGMA application_id marks a file as careerplan's ("CPLN").
    static let applicationID: Int32 = 0x4350_4C4E

    /// Records in the file's header that it has every migration this careerplan knows (`FileHeader.isCurrentSchema`).
    static func stamp(_ db: Database) throws {
        try db.execute(sql: "PRAGMA user_version = \(migrator.migrations.count)")
    }

    /// The statements that make these indexes as the migrations make them, read from an empty database in memory
    /// migrated to this version (tens of milliseconds; only when a file lacks one, see `DeferredIndexes`).
    static func indexStatements(named names: Set<String>) throws -> [String] {
        var config = Configuration()
        config.prepareDatabase { db in CaseloadStore.addFunctions(db, actor: AuditActor("careerplan")) }
        let empty = try DatabaseQueue(configuration: config)
        try migrator.migrate(empty)
        return try empty.read { db in
            try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
                .filter { names.contains($0["name"]) }.map { $0["sql"] }
        }
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-caseload") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: """
                CREATE TABLE staff (
                    login TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    initials TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('front-desk','planner','supervisor','administrator')),
                    phone TEXT,
                    email TEXT
                );
                CREATE TABLE customer (
                    id INTEGER PRIMARY KEY,
                    legal_name TEXT NOT NULL,
                    preferred_name TEXT,
                    email TEXT,
                    zip TEXT NOT NULL,
                    birth_date TEXT NOT NULL,
                    phone TEXT,
                    is_veteran INTEGER NOT NULL DEFAULT 0,
                    program TEXT CHECK (program IN ('adult','dislocated-worker','youth')),
                    planner TEXT REFERENCES staff(login) ON UPDATE CASCADE,
                    entered_on TEXT NOT NULL,
                    applied_on TEXT,
                    eligible_on TEXT,
                    enrolled_on TEXT,
                    last_contact_on TEXT,
                    last_service_on TEXT,
                    exited_on TEXT,
                    employed_on TEXT,
                    sort_name TEXT NOT NULL,
                    version INTEGER NOT NULL DEFAULT 1
                );
                CREATE INDEX customer_by_name ON customer(sort_name, id);
                CREATE INDEX customer_by_planner ON customer(planner, sort_name, id);
                CREATE VIRTUAL TABLE customer_search USING fts5(
                    words, tokenize = "unicode61 remove_diacritics 2"
                );
                CREATE TRIGGER customer_search_delete AFTER DELETE ON customer BEGIN
                    DELETE FROM customer_search WHERE rowid = old.id;
                END;
                CREATE TABLE setting (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                """)
        }
        m.registerMigration("v2-intake") { db in
            try db.execute(sql: """
                CREATE TABLE duplicate_decision (
                    id INTEGER PRIMARY KEY,
                    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                    matched TEXT NOT NULL,
                    decided_by TEXT NOT NULL,
                    decided_at TEXT NOT NULL
                );
                CREATE INDEX customer_by_birth_date ON customer(birth_date);
                CREATE INDEX customer_by_email ON customer(email COLLATE NOCASE);
                CREATE INDEX customer_by_phone ON customer(phone);
                """)
        }
        m.registerMigration("v3-eligibility") { db in
            try db.execute(sql: """
                CREATE TABLE application (
                    customer_id INTEGER PRIMARY KEY REFERENCES customer(id) ON DELETE CASCADE,
                    applied_on TEXT NOT NULL,
                    program TEXT NOT NULL CHECK (program IN ('adult','dislocated-worker','youth')),
                    answers TEXT NOT NULL,
                    updated_by TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE TABLE certification (
                    customer_id INTEGER PRIMARY KEY REFERENCES customer(id) ON DELETE CASCADE,
                    certified_on TEXT NOT NULL,
                    titles TEXT NOT NULL,
                    certified_by TEXT NOT NULL,
                    late_reason TEXT,
                    recorded_at TEXT NOT NULL
                );
                CREATE TABLE application_amendment (
                    id INTEGER PRIMARY KEY,
                    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                    amended_at TEXT NOT NULL,
                    amended_by TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    changes TEXT NOT NULL
                );
                CREATE INDEX amendment_by_customer ON application_amendment(customer_id, id);
                CREATE TABLE eligibility_document (
                    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                    item TEXT NOT NULL,
                    document_type TEXT NOT NULL,
                    seen_on TEXT NOT NULL,
                    recorded_by TEXT NOT NULL,
                    PRIMARY KEY (customer_id, item)
                );
                CREATE TABLE basic_skills_screening (
                    id INTEGER PRIMARY KEY,
                    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                    screened_on TEXT NOT NULL,
                    result TEXT NOT NULL CHECK (result IN ('deficient','not-deficient')),
                    notes TEXT,
                    recorded_by TEXT NOT NULL
                );
                CREATE INDEX screening_by_customer ON basic_skills_screening(customer_id, screened_on);
                """)
        }
        m.registerMigration("v4-assessment") { db in
            try db.execute(sql: """
                CREATE TABLE gsa (
                    customer_id INTEGER PRIMARY KEY REFERENCES customer(id) ON DELETE CASCADE,
                    body TEXT NOT NULL,
                    submitted_on TEXT,
                    updated_by TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE TABLE assessment (
                    id INTEGER PRIMARY KEY,
                    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                    instrument TEXT NOT NULL,
                    other_name TEXT,
                    version TEXT,
                    subject TEXT NOT NULL,
                    source TEXT NOT NULL,
                    administered_on TEXT,
                    result TEXT,
                    analysis TEXT,
                    given_by TEXT NOT NULL,
                    not_completed_reason TEXT,
                    recorded_by TEXT NOT NULL
                );
                CREATE INDEX assessment_by_customer ON assessment(customer_id, id);
                CREATE TABLE barrier (
                    id INTEGER PRIMARY KEY,
                    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    other_name TEXT,
                    description TEXT NOT NULL,
                    plan TEXT NOT NULL,
                    identified_on TEXT NOT NULL,
                    recorded_by TEXT NOT NULL,
                    overcome_on TEXT,
                    overcome_how TEXT,
                    overcome_by TEXT,
                    version INTEGER NOT NULL DEFAULT 1
                );
                CREATE INDEX barrier_by_customer ON barrier(customer_id, id);
                CREATE TRIGGER barrier_never_deleted BEFORE DELETE ON barrier
                WHEN (SELECT count(*) FROM customer WHERE id = old.customer_id) > 0 BEGIN
                    SELECT RAISE(ABORT, 'barriers are never deleted; record how one was overcome');
                END;
                CREATE TABLE barrier_correction (
                    id INTEGER PRIMARY KEY,
                    barrier_id INTEGER NOT NULL REFERENCES barrier(id) ON DELETE CASCADE,
                    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                    changed_at TEXT NOT NULL,
                    changed_by TEXT NOT NULL,
                    changes TEXT NOT NULL
                );
                CREATE INDEX correction_by_barrier ON barrier_correction(barrier_id, id);
                """)
        }
        m.registerMigration("v5-plan") { db in
            try db.execute(sql: """
                CREATE TABLE plan (
                    customer_id INTEGER PRIMARY KEY REFERENCES customer(id) ON DELETE CASCADE,
                    body TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    saved_by TEXT NOT NULL,
                    saved_at TEXT NOT NULL
                );
                CREATE TABLE plan_version (
                    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                    version INTEGER NOT NULL,
                    body TEXT NOT NULL,
                    saved_by TEXT NOT NULL,
                    saved_at TEXT NOT NULL,
                    changes TEXT NOT NULL,
                    PRIMARY KEY (customer_id, version)
                );
                """)
        }
        m.registerMigration("v6-recommendations") { db in
            try db.execute(sql: """
                CREATE TABLE dismissal (
                    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                    item_key TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    dismissed_by TEXT NOT NULL,
                    dismissed_on TEXT NOT NULL,
                    PRIMARY KEY (customer_id, item_key)
                );
                """)
        }
        m.registerMigration("v7-casework") { db in
            // Each record is its Domain value as JSON beside the columns queries need.
            try db.execute(sql: """
                CREATE TABLE case_note (
                    id INTEGER PRIMARY KEY,
                    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    event_on TEXT NOT NULL,
                    link TEXT,
                    amends INTEGER REFERENCES case_note(id),
                    body TEXT NOT NULL
                );
                CREATE INDEX note_by_customer ON case_note(customer_id, event_on, id);
                CREATE TRIGGER case_note_append_only BEFORE UPDATE ON case_note BEGIN
                    SELECT RAISE(ABORT, 'case notes are never changed; write an amendment');
                END;
                CREATE TRIGGER case_note_never_deleted BEFORE DELETE ON case_note
                WHEN (SELECT count(*) FROM customer WHERE id = old.customer_id) > 0 BEGIN
                    SELECT RAISE(ABORT, 'case notes are never deleted; write an amendment');
                END;
                CREATE TABLE referral (
                    id INTEGER PRIMARY KEY,
                    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                    status TEXT NOT NULL,
                    version INTEGER NOT NULL DEFAULT 1,
                    body TEXT NOT NULL
                );
                CREATE INDEX referral_by_customer ON referral(customer_id, id);
                CREATE TABLE outcome (
                    id INTEGER PRIMARY KEY,
                    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    body TEXT NOT NULL
                );
                CREATE INDEX outcome_by_customer ON outcome(customer_id, id);
                CREATE TABLE pause (
                    id INTEGER PRIMARY KEY,
                    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                    body TEXT NOT NULL
                );
                CREATE INDEX pause_by_customer ON pause(customer_id, id);
                CREATE TABLE exit_record (
                    customer_id INTEGER PRIMARY KEY REFERENCES customer(id) ON DELETE CASCADE,
                    body TEXT NOT NULL
                );
                CREATE INDEX customer_by_last_service ON customer(exited_on, last_service_on, enrolled_on);
                CREATE TABLE follow_up_decline (
                    customer_id INTEGER PRIMARY KEY REFERENCES customer(id) ON DELETE CASCADE,
                    body TEXT NOT NULL
                );
                """)
        }
        m.registerMigration("v8-signatures") { db in
            try db.execute(sql: """
                CREATE TABLE signature (
                    id INTEGER PRIMARY KEY,
                    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                    body TEXT NOT NULL
                );
                CREATE INDEX signature_by_customer ON signature(customer_id, id);
                CREATE TRIGGER signature_never_changed BEFORE UPDATE ON signature BEGIN
                    SELECT RAISE(ABORT, 'signatures are never changed; the plan is signed again');
                END;
                CREATE TABLE guardian_request (
                    customer_id INTEGER PRIMARY KEY REFERENCES customer(id) ON DELETE CASCADE,
                    body TEXT NOT NULL
                );
                """)
        }
        m.registerMigration("v9-plan-copies") { db in
            try db.execute(sql: """
                CREATE TABLE plan_copy (
                    id INTEGER PRIMARY KEY,
                    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                    body TEXT NOT NULL
                );
                CREATE INDEX plan_copy_by_customer ON plan_copy(customer_id, id);
                """)
        }
        m.registerMigration("v10-handoff") { db in
            try db.execute(sql: """
                CREATE TABLE caseload_handoff (
                    id INTEGER PRIMARY KEY,
                    from_login TEXT NOT NULL,
                    to_login TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    customers INTEGER NOT NULL,
                    by_login TEXT NOT NULL,
                    on_day TEXT NOT NULL,
                    at TEXT NOT NULL
                );
                """)
        }
        m.registerMigration("v11-audit") { db in
            try db.execute(sql: """
                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    login TEXT NOT NULL,
                    entity TEXT NOT NULL,
                    customer_id INTEGER,
                    row_key TEXT,
                    action TEXT NOT NULL,
                    old TEXT,
                    new TEXT
                );
                CREATE INDEX audit_by_customer ON audit(customer_id, id);
                CREATE TRIGGER audit_is_append_only BEFORE UPDATE ON audit BEGIN
                    SELECT RAISE(ABORT, 'the audit trail is never changed');
                END;
                """)
            // A later migration that adds a table or a column installs its triggers again.
            try AuditTriggers.installAll(db)
        }
        m.registerMigration("v12-drafts") { db in
            // Unsaved typing kept for its user; not audited (it is not a record until saved).
            try db.execute(sql: """
                CREATE TABLE draft (
                    login TEXT NOT NULL,
                    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                    form TEXT NOT NULL,
                    body TEXT NOT NULL,
                    saved_at TEXT NOT NULL,
                    PRIMARY KEY (login, customer_id, form)
                );
                """)
        }
        m.registerMigration("v13-covering") { db in
            try db.execute(sql: """
                CREATE TABLE covering (
                    id INTEGER PRIMARY KEY,
                    login TEXT NOT NULL REFERENCES staff(login) ON UPDATE CASCADE,
                    for_login TEXT NOT NULL REFERENCES staff(login) ON UPDATE CASCADE,
                    from_day TEXT NOT NULL,
                    until_day TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    granted_by TEXT NOT NULL,
                    granted_at TEXT NOT NULL
                );
                CREATE INDEX covering_by_login ON covering(login, until_day);
                """)
            try AuditTriggers.install(on: "covering", db)
        }
        m.registerMigration("v14-due") { db in
            // Derived from the records, so not audited: each customer's running
            // clocks with the days they run, rewritten in the transaction of
            // every write that touches them (CaseloadStore+Due).
            try db.execute(sql: """
                CREATE TABLE due (
                    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                    planner TEXT,
                    rule TEXT NOT NULL,
                    subject TEXT NOT NULL DEFAULT '',
                    due_on TEXT NOT NULL,
                    from_on TEXT,
                    until_on TEXT
                );
                CREATE INDEX due_by_customer ON due(customer_id);
                CREATE INDEX due_by_planner ON due(planner, due_on, customer_id);
                CREATE INDEX due_by_day ON due(due_on, customer_id);
                CREATE TABLE due_stale (customer_id INTEGER PRIMARY KEY REFERENCES customer(id) ON DELETE CASCADE);
                -- Participants whose current plan not everyone required has signed as it stands.
                CREATE TABLE unsigned_plan (customer_id INTEGER PRIMARY KEY REFERENCES customer(id) ON DELETE CASCADE);
                \(DueTriggers.settings)
                """)
            try DueTriggers.install(on: "customer", key: "id", events: ["INSERT", "UPDATE"], db)
            for table in DueTriggers.tables.dropLast() { try DueTriggers.install(on: table, db) }
            // Filled when the store opens, after every migration (the rules read later tables too).
            try db.execute(sql: "INSERT INTO due_stale SELECT id FROM customer")
        }
        m.registerMigration("v15-co-enrollment") { db in
            // Services in other DOL-funded programs: the automatic exit runs across all of them (003).
            try db.execute(sql: """
                CREATE TABLE other_program_service (
                    id INTEGER PRIMARY KEY,
                    customer_id INTEGER NOT NULL REFERENCES customer(id),
                    body TEXT NOT NULL
                );
                CREATE INDEX other_program_service_by_customer ON other_program_service(customer_id, id);
                """)
            try DueTriggers.install(on: DueTriggers.tables.last!, db)
            try AuditTriggers.install(on: "other_program_service", db)
        }
        m.registerMigration("v16-audit-chain") { db in
            // Each audit row hash-chained to the one before; updates, deletes
            // and unchained rows refused by the schema (docs/security.md).
            try AuditChain.migrate(db)
            // Again on the tables already audited (drafts and the due table never are).
            for table in try AuditTriggers.audited(db) { try AuditTriggers.install(on: table, db) }
        }
        m.registerMigration("v17-certification-documents") { db in
            // Why eligibility was certified before every document was seen (001; issue 24).
            try db.execute(sql: "ALTER TABLE certification ADD COLUMN undocumented_reason TEXT")
            try AuditTriggers.install(on: "certification", db)
        }
        m.registerMigration("v18-assessment-corrections") { db in
            // A recorded score corrected keeps who, when, why and the old value (issue 24).
            try db.execute(sql: "ALTER TABLE assessment ADD COLUMN corrections TEXT")
            try AuditTriggers.install(on: "assessment", db)
        }
        m.registerMigration("v19-staff-departure") { db in
            // A staff member who leaves stays on the list, marked, so their history keeps its names (issue 24).
            try db.execute(sql: "ALTER TABLE staff ADD COLUMN left_on TEXT")
            try db.execute(sql: "ALTER TABLE staff ADD COLUMN left_reason TEXT")
            try AuditTriggers.install(on: "staff", db)
        }
        m.registerMigration("v20-daily-tasks") { db in
            // The day the automatic exit last ran over everyone: the first to open the file on a day runs it
            // (it reads every idle case: seconds on a large caseload), later opens that day skip it (issue 27).
            try db.execute(sql: "CREATE TABLE daily_task (task TEXT PRIMARY KEY, on_day TEXT NOT NULL)")
        }
        m.registerMigration("v21-due-covering") { db in
            // The dashboard's counts and pages read every running item of a planner (51,000 for one with
            // 23,000 customers): indexes that hold the whole item answer without a lookup in the table for
            // each (41% of the dashboard's time), in the order the pages are read.
            try db.execute(sql: """
                DROP INDEX due_by_planner;
                CREATE INDEX due_by_planner ON due(planner, due_on, customer_id, rule, subject, from_on, until_on);
                DROP INDEX due_by_day;
                CREATE INDEX due_by_day ON due(due_on, customer_id, rule, subject, from_on, until_on, planner);
                """)
        }
        m.registerMigration("v22-search-words") { db in
            // Search by a word index instead of FTS5: the page of a common name's matches read in name order and
            // the counts kept as tallies, flat in the caseload's size (issue 27; SearchWords).
            try SearchWords.migrate(db)
        }
        m.registerMigration("v23-due-tally") { db in
            // The dashboard's counts read every running item of a planner (500,000 for one with 230,000
            // customers): a tally of the items by planner, rule and days answers from a few thousand rows.
            try db.execute(sql: DueTally.schema)
        }
        m.registerMigration("v24-word-tally") { db in
            // A longer search's count read every match from the word index (27,000 for a common name's
            // first letters among 1,000,000): a tally of the words by planner answers from a few rows.
            try WordTally.migrate(db)
        }
        m.registerMigration("v25-audit-entry") { db in
            // Each audit trigger names its row's entry and one trigger stamps and chains it: the schema every
            // connection parses as it opens is about a third of what it was (start-up, issue 28).
            try db.execute(sql: AuditTriggers.entry)
            for table in try AuditTriggers.audited(db) { try AuditTriggers.install(on: table, db) }
        }
        m.registerMigration("v26-packed-bodies") { db in
            // The records' bodies packed with dictionaries learned from the file's own (PackedBodies): the
            // audit trail keeps recording each row's JSON, and a note or signature may be packed, never changed.
            try db.execute(sql: PackedBodies.schema)
            let audited = Set(try AuditTriggers.audited(db))
            for table in PackedBodies.columns.keys.sorted() where audited.contains(table) { try AuditTriggers.install(on: table, db) }
            try db.execute(sql: """
                DROP TRIGGER case_note_append_only;
                CREATE TRIGGER case_note_append_only BEFORE UPDATE ON case_note
                WHEN NEW.id IS NOT OLD.id OR NEW.customer_id IS NOT OLD.customer_id OR NEW.kind IS NOT OLD.kind
                    OR NEW.event_on IS NOT OLD.event_on OR NEW.link IS NOT OLD.link OR NEW.amends IS NOT OLD.amends
                    OR careerplan_body(NEW.body) IS NOT careerplan_body(OLD.body) BEGIN
                    SELECT RAISE(ABORT, 'case notes are never changed; write an amendment');
                END;
                DROP TRIGGER signature_never_changed;
                CREATE TRIGGER signature_never_changed BEFORE UPDATE ON signature
                WHEN NEW.id IS NOT OLD.id OR NEW.customer_id IS NOT OLD.customer_id
                    OR careerplan_body(NEW.body) IS NOT careerplan_body(OLD.body) BEGIN
                    SELECT RAISE(ABORT, 'signatures are never changed; the plan is signed again');
                END;
                """)
        }
        m.registerMigration("v27-words-of-names") { db in
            // The ID's four spellings were two thirds of the word index, the file's largest part once the
            // bodies were packed (issue 28): a typed number finds IDs by arithmetic and a tally of ID blocks.
            try SearchWords.keepNamesOnly(db)
            try IDSearch.migrate(db)
        }
        m.registerMigration("v28-documents-by-key") { db in
            try keepDocumentsByKey(db)
        }
        m.registerMigration("v29-triggers-per-connection") { db in
            // SQLite parses every trigger in the file as a connection opens: the audit's and the derived tables'
            // triggers are installed by each connection at its first write instead (start-up, issue 28).
            try ConnectionTriggers.migrate(db)
        }
        m.registerMigration("v30-due-by-customer") { db in
            // Each due item was stored four times, 0.48 KB a customer: the table keyed by customer instead of rowid,
            // the index by customer gone, the index by day narrowed to the day (issue 28's file size).
            try DueByCustomer.migrate(db)
        }
        m.registerMigration("v31-plan-by-version") { db in
            // The current plan's body was its version's twice over, 0.1 KB a customer: read from the version instead.
            try PlanByVersion.migrate(db)
        }
        m.registerMigration("v32-assessment-bodies") { db in
            // The last case record in typed columns, 0.24 KB a customer: kept as its JSON, packed (issue 28's file size).
            try AssessmentBodies.migrate(db)
        }
        m.registerMigration("v33-due-codes") { db in
            // Each due item's rule name and subject words, in the table and both its indexes, 0.15 KB a customer:
            // kept as numbers (issue 28's file size).
            try DueCodes.migrate(db)
        }
        m.registerMigration("v34-short-bodies") { _ in
            // Bodies are packed from here on without the magic of zstd's frames (`PackedBodies.pack`), 0.04 KB a
            // customer: nothing to change in the file, but a careerplan from before could not read them, and is
            // stopped by this migration's name instead (`refuseNewer`). Bodies packed before stay as they are.
        }
        m.registerMigration("v35-document-bodies") { db in
            // A customer's eligibility documents, a row each, 0.19 KB a customer: one packed list (issue 28's file size).
            try DocumentBodies.migrate(db)
        }
        m.registerMigration("v36-note-bodies") { db in
            // A note's kind, day, link and amendment in columns beside its body that says them, 0.15 KB a customer:
            // the body alone (issue 28's file size).
            try NoteBodies.migrate(db)
        }
        return m
    }

    /// Eligibility documents kept by their key alone (a table WITHOUT ROWID): the table of rowids and
    /// the index of its key were the same rows twice, 0.26 KB a customer (issue 28's file size). The
    /// rows and their audit triggers are as they were; nothing refers to a document's rowid.
    static func keepDocumentsByKey(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE eligibility_document_by_key (
                customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                item TEXT NOT NULL,
                document_type TEXT NOT NULL,
                seen_on TEXT NOT NULL,
                recorded_by TEXT NOT NULL,
                PRIMARY KEY (customer_id, item)
            ) WITHOUT ROWID;
            INSERT INTO eligibility_document_by_key
                SELECT customer_id, item, document_type, seen_on, recorded_by FROM eligibility_document;
            DROP TABLE eligibility_document;
            ALTER TABLE eligibility_document_by_key RENAME TO eligibility_document;
            """)
        try AuditTriggers.install(on: "eligibility_document", db)
    }
}

/// Triggers that list in `due_stale` each customer a write to `table`
/// touched, so the write's own transaction recomputes their due items.
enum DueTriggers {
    /// The tables of a customer's records whose every change marks them (v14, and v15's other programs' services
    /// last); the customer's own row marks them when it is added or changed.
    static let tables = ["plan", "plan_version", "case_note", "outcome", "pause", "exit_record", "follow_up_decline",
                         "signature", "guardian_request", "other_program_service"]

    /// A change to a clock setting marks every customer.
    static let settings: String = {
        let markAll = "INSERT INTO due_stale SELECT id FROM customer WHERE id NOT IN (SELECT customer_id FROM due_stale);"
        return """
            CREATE TRIGGER due_stale_settings AFTER UPDATE ON setting
            WHEN OLD.value IS NOT NEW.value AND NEW.key IN ('contact-interval-days', 'veteran-contact-interval-days', 'review-interval-days')
            BEGIN
                \(markAll)
            END;
            CREATE TRIGGER due_stale_settings_insert AFTER INSERT ON setting
            WHEN NEW.key IN ('contact-interval-days', 'veteran-contact-interval-days', 'review-interval-days')
            BEGIN
                \(markAll)
            END;
            """
    }()

    static func install(on table: String, key: String = "customer_id", events: [String] = ["INSERT", "UPDATE", "DELETE"],
                        _ db: Database) throws {
        try db.execute(sql: sql(on: table, key: key, events: events))
    }

    /// Every one of them, as the migrations made them.
    static var all: String {
        ([settings, sql(on: "customer", key: "id", events: ["INSERT", "UPDATE"])] + tables.map { sql(on: $0) }).joined(separator: "\n")
    }

    private static func sql(on table: String, key: String = "customer_id", events: [String] = ["INSERT", "UPDATE", "DELETE"]) -> String {
        events.map { event in
            let id = (event == "DELETE" ? "OLD." : "NEW.") + key
            // Not INSERT OR IGNORE: inside a trigger an upsert's conflict clause overrides it.
            return """
                CREATE TRIGGER due_stale_\(table)_\(event.lowercased()) AFTER \(event) ON \(table) BEGIN
                    INSERT INTO due_stale SELECT \(id) WHERE NOT EXISTS (SELECT 1 FROM due_stale WHERE customer_id = \(id));
                END;
                """
        }.joined(separator: "\n")
    }
}

extension CaseloadStore {
    /// The data file's last migration, as `careerplan --version` names it.
    public static var schemaVersion: String { Schema.migrator.migrations.last ?? "" }

    /// The SQLite this careerplan runs: linked into the installed program
    /// (scripts/build-installed), so an administrator can tell whether a
    /// security update of libsqlite3 has reached it yet.
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }
}
