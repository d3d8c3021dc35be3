import Domain
import GRDB

/// The due table's rule and subject kept as numbers (migration v33-due-codes; issue 28's file size).
///
/// Each item held its rule's name ("service-close-10") and its subject's words (a service's name, up to
/// 80 characters, for about a third of the items) in its key, and so in the table and both its indexes: about
/// 0.15 KB a customer, for some twenty distinct texts. A rule is now its number in `codes` (fixed: the
/// file keeps them; a rule added later takes the next), which `due_rule` spells out for anyone reading
/// the file with another tool; a subject is the id of its row in `due_subject`, a dictionary each write
/// adds new subjects to (0: none). Items are still ordered as before, by rule name then subject: the
/// numbers of the first rules follow their names, and a page sorts its subjects' words (within a
/// customer's items of one day, which the planner's index leaves in any order only there).
///
/// The columns are named anew (`rule_code`, `subject_id`): a careerplan from before v33 left running
/// while the file is upgraded then fails on a column it does not find, instead of reading a number as
/// a rule's name or writing names where numbers belong (which the new careerplan could not read).
enum DueCodes {
    /// Each rule's number: the eleven of v33 in their names' order, so ordering by number is ordering by name.
    static let codes: [(rule: ClockRule, code: Int)] = [
        (.autoExit90, 1), (.contact30, 2), (.eligibility30, 3), (.enrollment90, 4), (.followUp12m, 5),
        (.initialPlan5, 6), (.noteEntry10, 7), (.outcomeEntry10, 8), (.review90, 9), (.serviceClose10, 10),
        (.serviceEntry10, 11),
    ]

    static func code(of rule: ClockRule) -> Int { codes.first { $0.rule == rule }!.code }

    static func rule(code: Int) -> ClockRule? { codes.first { $0.code == code }?.rule }

    /// SQL: the words of the subject of the item `d` ('' for none).
    static let subjectText = "coalesce((SELECT s.subject FROM due_subject s WHERE s.id = d.subject_id), '')"

    /// The ids of subjects for one write's items: read from the dictionary once, a new subject added to it.
    struct Subjects {
        private var ids: [String: Int64]?

        init() {}

        mutating func id(of subject: String?, _ db: Database) throws -> Int64 {
            guard let subject, !subject.isEmpty else { return 0 }
            if ids == nil {
                ids = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT subject, id FROM due_subject").map {
                    ($0[0] as String, $0[1] as Int64)
                })
            }
            if let id = ids?[subject] { return id }
            try db.execute(sql: "INSERT INTO due_subject (subject) VALUES (?)", arguments: [subject])
            ids?[subject] = db.lastInsertedRowID
            return db.lastInsertedRowID
        }
    }

    static let schema = """
        CREATE TABLE due_rule (code INTEGER PRIMARY KEY, rule TEXT NOT NULL UNIQUE);
        CREATE TABLE due_subject (id INTEGER PRIMARY KEY, subject TEXT NOT NULL UNIQUE);
        CREATE TABLE due (
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            planner TEXT,
            rule_code INTEGER NOT NULL,
            subject_id INTEGER NOT NULL DEFAULT 0,
            due_on TEXT NOT NULL,
            from_on TEXT,
            until_on TEXT,
            PRIMARY KEY (customer_id, rule_code, subject_id, due_on)
        ) WITHOUT ROWID;
        CREATE INDEX due_by_planner ON due(planner, due_on, customer_id, rule_code, subject_id, from_on, until_on);
        CREATE INDEX due_by_day ON due(due_on);
        CREATE TABLE due_tally (
            planner TEXT NOT NULL,
            rule_code INTEGER NOT NULL,
            due_on TEXT NOT NULL,
            from_on TEXT NOT NULL,
            until_on TEXT NOT NULL,
            items INTEGER NOT NULL,
            PRIMARY KEY (planner, rule_code, due_on, from_on, until_on)
        ) WITHOUT ROWID;
        """

    /// The tally's triggers and its count as v23 made them (`DueTally`), of the rule's number.
    static let tally = DueTally.schema.replacingOccurrences(of: "rule", with: "rule_code")
    static let tallyCount = DueTally.count.replacingOccurrences(of: "rule", with: "rule_code")

    /// The items moved over with their numbers (derived rows, so not audited); an item of a rule this
    /// careerplan does not know (none is written) leaves its customer marked to be worked out again.
    /// The tally, keyed by rule, is counted anew from them.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE due RENAME TO due_by_text;
            DROP INDEX due_by_planner;
            DROP INDEX due_by_day;
            DROP TABLE due_tally;
            \(schema)
            INSERT INTO due_rule VALUES \(codes.map { "(\($0.code), '\($0.rule.rawValue)')" }.joined(separator: ", "));
            INSERT INTO due_subject (subject) SELECT DISTINCT subject FROM due_by_text WHERE subject <> '' ORDER BY subject;
            INSERT OR IGNORE INTO due
                SELECT d.customer_id, d.planner, r.code, coalesce(s.id, 0), d.due_on, d.from_on, d.until_on
                FROM due_by_text d JOIN due_rule r ON r.rule = d.rule LEFT JOIN due_subject s ON s.subject = d.subject
                ORDER BY 1, 3, 4, 5;
            INSERT OR IGNORE INTO due_stale SELECT DISTINCT customer_id FROM due_by_text WHERE rule NOT IN (SELECT rule FROM due_rule);
            DROP TABLE due_by_text;
            \(tallyCount)
            """)
        try ConnectionTriggers.forget(db)
    }
}
