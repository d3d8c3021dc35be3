import Domain
import Foundation
import Store

/// A state's caseload on PostgreSQL, read the way the file-backed store
/// reads a data file, so that the screens cannot tell which they have
/// (Domain's `CaseloadReading`). The connection is the signed-in member's
/// own role, so every read is already cut to their reach by the server's
/// row-level security; the same filters are applied here too, so both
/// stores give the same answers (tested side by side).
public final class PostgresCaseload: @unchecked Sendable {
    let link: PostgresLink
    /// One statement, or one transaction, at a time on the one connection.
    let lock = NSRecursiveLock()
    public internal(set) var writesCommitted = 0

    /// The clock the store stamps saves with (tests fix it, as the file store's).
    let now: @Sendable () -> Date

    /// The due writer's address (docs/postgresql.md, "Who writes the due items"): staff may not write the
    /// due table, so after each write careerplan has this role recompute what the write marked.
    let dueWriterAddress: PostgresURL?
    enum DueKeeping { case unknown, itself, writer(PostgresCaseload), none }
    var dueKeeping = DueKeeping.unknown
    /// Why the last write's due items were not brought up to date (they will be, by a later pass); nil when they were.
    public internal(set) var upkeepProblem: String?
    /// The link's connection `showWriterKey` last looked at (0 for none yet), and whether it holds a token:
    /// then the due items are written inside each write's transaction (v17), not by the writer after it.
    var provenConnection = 0
    var dueInTransaction = false

    public init(link: PostgresLink, dueWriter: PostgresURL? = nil, now: @escaping @Sendable () -> Date = { Date() }) {
        self.link = link
        self.dueWriterAddress = dueWriter
        self.now = now
    }

    public var path: String { link.url.description }

    @discardableResult
    func rows(_ sql: String, _ binds: [String?] = []) throws -> [[String?]] {
        lock.lock()
        defer { lock.unlock() }
        return try link.rows(sql, binds)
    }

    /// Records decoded from their `body`, as the export writes them.
    func bodies<T: Decodable>(_ type: T.Type, _ sql: String, _ binds: [String?] = []) throws -> [T] {
        let decoder = JSONDecoder()
        return try rows(sql, binds).compactMap { $0.first ?? nil }.map { body in
            do { return try decoder.decode(T.self, from: Data(body.utf8)) } catch {
                throw PostgresRefusal.plain("a stored \(T.self) could not be read: \(error)", doing: Self.firstLine(sql))
            }
        }
    }

    /// One customer's records of `table`, in `order`.
    func records<T: Decodable>(_ type: T.Type, _ table: String, of id: CustomerID, order: String = "row_id") throws -> [T] {
        try bodies(T.self, "SELECT body::text FROM careerplan.\(table) WHERE customer_id = $1::bigint ORDER BY \(order)", [String(id.number)])
    }

    static func firstLine(_ sql: String) -> String { PostgresLink.firstLine(sql) }

    // MARK: The center

    public func staff() throws -> [Staff] {
        try bodies(Staff.self, "SELECT body::text FROM careerplan.staff ORDER BY login")
    }

    public func clockSettings() throws -> ClockSettings {
        let pairs = try rows("SELECT key, value FROM careerplan.setting").compactMap { r -> (String, String)? in
            guard let key = r[0], let value = r[1] else { return nil }
            return (key, value)
        }
        return ClockSettings(stored: Dictionary(pairs, uniquingKeysWith: { a, _ in a }))
    }

    /// The matrix shipped with careerplan, as the file-backed store has it.
    public func servicesMatrix() throws -> ServicesMatrix { try ServicesMatrix.bundled() }

    /// Covers running on `day` or later (every cover when nil), optionally of one planner.
    public func coverings(from day: Day?, login: String? = nil) throws -> [Covering] {
        try bodies(Covering.self, """
            SELECT body::text FROM careerplan.covering
            WHERE ($1::date IS NULL OR until_day >= $1::date) AND ($2::text IS NULL OR login = $2::text)
            ORDER BY from_day, login, row_id
            """, [day?.description, login])
    }

    public func reach(of user: Staff?, on day: Day) throws -> CaseloadReach {
        guard let user else { return .planners([]) }
        guard user.role == .planner else { return .everyone }
        return .of(user, coverings: try coverings(from: day, login: user.login), on: day)
    }

    // MARK: The caseload

    /// The conditions of a filter without a search, as SQL over `customer c`.
    private func conditions(_ filter: CaseloadFilter) -> (sql: String, binds: [String?]) {
        var conditions: [String] = []
        var binds: [String?] = []
        func bind(_ value: String) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        if let planner = filter.planner { conditions.append("c.planner = \(bind(planner))") }
        if case .planners(let logins) = filter.reach {
            let list = logins.sorted().map { bind($0) }
            conditions.append(list.isEmpty ? "c.planner IS NULL" : "(c.planner IS NULL OR c.planner IN (\(list.joined(separator: ", "))))")
        }
        return (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "), binds)
    }

    /// The typed words (the longest first: the server reads its range) and the planners the filter keeps
    /// ('' the unassigned; nil any), as the array binds of careerplan.search_count and search_page.
    private func searchBinds(_ filter: CaseloadFilter) -> [String?] {
        let terms = SearchTerms.typed(filter.search).sorted { $0.count > $1.count }
        var owners: Set<String>?
        if case .planners(let logins) = filter.reach { owners = Set(logins + [""]) }
        if let planner = filter.planner { owners = owners.map { $0.intersection([planner]) } ?? [planner] }
        return [Self.textArray(terms), owners.map { Self.textArray($0.sorted()) }]
    }

    /// A text[] literal of `values`, each quoted.
    static func textArray(_ values: [String]) -> String {
        "{" + values.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
    }

    /// Counted by the server from its tallies and word index (row-level
    /// security's cut, applied by the function): never by visiting every
    /// customer (docs/postgresql.md, "Search").
    public func count(_ filter: CaseloadFilter) throws -> Int {
        let text = try rows("SELECT careerplan.search_count($1::text[], current_user, $2::text[])::text",
                            searchBinds(filter)).first?.first ?? nil
        return text.flatMap { Int($0) } ?? 0
    }

    /// One page of the list in name order (the bytes of the folded name, as the file sorts); a search's
    /// page from the server's word index (`matches` is the file store's hint, not needed here).
    public func customers(_ filter: CaseloadFilter, offset: Int, limit: Int, matches: Int? = nil) throws -> [Customer] {
        if SearchTerms.typed(filter.search).isEmpty {
            let (filterSQL, binds) = conditions(filter)
            let n = binds.count
            return try bodies(Customer.self, """
                SELECT c.body::text FROM careerplan.customer c\(filterSQL)
                ORDER BY c.sort_name COLLATE "C", c.id LIMIT $\(n + 1)::bigint OFFSET $\(n + 2)::bigint
                """, binds + [String(limit), String(offset)])
        }
        return try bodies(Customer.self, """
            SELECT c.body::text
            FROM careerplan.search_page($1::text[], current_user, $2::text[], $3::bigint, $4::bigint) WITH ORDINALITY AS p(id, n)
            JOIN careerplan.customer c ON c.id = p.id ORDER BY p.n
            """, searchBinds(filter) + [String(limit), String(offset)])
    }

    public func customer(_ id: CustomerID) throws -> Customer? {
        try bodies(Customer.self, "SELECT body::text FROM careerplan.customer WHERE id = $1::bigint", [String(id.number)]).first
    }

    /// Where a customer sits in the whole caseload's name order.
    public func position(of id: CustomerID) throws -> Int? {
        guard let row = try rows("""
            SELECT (SELECT count(*) FROM careerplan.customer o
                    WHERE o.sort_name COLLATE "C" < c.sort_name COLLATE "C" OR (o.sort_name = c.sort_name AND o.id < c.id))::text
            FROM careerplan.customer c WHERE c.id = $1::bigint
            """, [String(id.number)]).first, let text = row.first ?? nil else { return nil }
        return Int(text)
    }

    // MARK: One customer

    /// Every saved version, oldest first.
    public func planVersions(for id: CustomerID) throws -> [PlanVersion] {
        try records(PlanVersion.self, "plan_version", of: id, order: "(body ->> 'version')::int")
    }

    /// The current plan: the last version saved, as the plan itself (no list of changes).
    public func plan(for id: CustomerID) throws -> PlanVersion? {
        guard var last = try records(PlanVersion.self, "plan_version", of: id,
                                     order: "(body ->> 'version')::int DESC LIMIT 1").first else { return nil }
        last.changes = []
        return last
    }

    public func duplicateDecisions(for id: CustomerID) throws -> [DuplicateDecision] {
        try records(DuplicateDecision.self, "duplicate_decision", of: id)
    }

    public func dismissals(for id: CustomerID) throws -> [Dismissal] {
        try records(Dismissal.self, "dismissal", of: id, order: "body ->> 'key' COLLATE \"C\"")
    }
}
