import Domain
import Foundation
import Store

/// Who brings the due table up to date (v12-due-writer, `PostgresSchema.dueWriterRole`): staff may not
/// write it, so after each commit a member's careerplan has the due writer recompute the customers the
/// write marked stale, from the records as the database holds them.
extension PostgresCaseload {
    /// Marks older than this are another careerplan's that did not finish (killed between its commit and
    /// its writer's), or a write careerplan did not make: any writer takes them up.
    static let abandonedMarkSeconds = 5
    /// How many such customers one write takes up after its own: a few, so that a save never waits on a
    /// backlog (a change of the settings the writer could not finish); the night's pass takes the rest.
    static let abandonedPerWrite = 50

    /// The caseload that writes the due table for this one: the due writer's connection when careerplan
    /// was given its address, this one when its own role may (the database's administrator), else none
    /// (the marks wait for a careerplan that has one). Connected at the first write.
    func dueKeeper() -> PostgresCaseload? {
        lock.lock()
        defer { lock.unlock() }
        switch dueKeeping {
        case .itself: return self
        case .writer(let keeper): return keeper
        case .none: return nil
        case .unknown: break
        }
        if let url = dueWriterAddress {
            do {
                let keeper = PostgresCaseload(link: try PostgresLink(url, account: PostgresSchema.dueWriter, home: nil), now: now)
                dueKeeping = .writer(keeper)
                return keeper
            } catch {
                // Tried again at the next write: the server may be back.
                upkeepProblem = "Saved; due items wait: the due writer could not sign in: \(error)"
                return nil
            }
        }
        // The DBA, or a session that showed the writer's key (v17: it may write the items of those it reaches).
        let mayWrite = try? link.value("""
            SELECT (r.rolsuper OR careerplan.careerplan_proven())::text FROM pg_roles r WHERE r.rolname = current_user
            """)
        dueKeeping = mayWrite == "true" ? .itself : .none
        return mayWrite == "true" ? self : nil
    }

    /// After a commit: the due items of the customers it touched, and of marks abandoned by others. A
    /// failure here does not undo the write (it is committed): the marks stay for the next writer's pass,
    /// and `upkeepProblem` says why.
    func keepDue(_ touched: [CustomerID]) {
        guard let keeper = dueKeeper() else {
            if dueWriterAddress == nil, !touched.isEmpty {
                upkeepProblem = "Saved; due items wait: no due writer for this database (docs/postgresql.md)"
            }
            return
        }
        do {
            try keeper.recomputeMarked(touched)
            try keeper.recomputeMarked(try keeper.markedCustomers(olderThan: Self.abandonedMarkSeconds, limit: Self.abandonedPerWrite))
            upkeepProblem = nil
        } catch {
            // The writer's link opens its connection again at its next statement if the server ended it.
            upkeepProblem = "Saved; due items wait: \(error)"
        }
    }

    /// Every marked customer's due items (after a change of the area's settings marks everyone, and each
    /// night's `careerplan exits`). Returns how many customers were recomputed; nil without a due writer.
    @discardableResult
    public func keepAllDue() throws -> Int? {
        guard let keeper = dueKeeper() else { return nil }
        var done = 0
        // A pass over what is marked now; marks added meanwhile by other writes are their writers' to take.
        let pending = Int(try keeper.link.value("SELECT count(DISTINCT customer_id)::text FROM careerplan.due_stale") ?? "0") ?? 0
        while done < pending {
            let batch = try keeper.markedCustomers(olderThan: nil, limit: Self.manyAtOnce)
            if batch.isEmpty { break }
            try keeper.recomputeMarked(batch)
            done += batch.count
        }
        return done
    }

    /// Marked customers, fewest first by number; only marks at least `seconds` old when given.
    func markedCustomers(olderThan seconds: Int?, limit: Int) throws -> [CustomerID] {
        try rows("""
            SELECT customer_id::text FROM (SELECT DISTINCT customer_id FROM careerplan.due_stale
                WHERE $1::int IS NULL OR marked_at < clock_timestamp() - make_interval(secs => $1::int)) AS m
            ORDER BY customer_id LIMIT $2::bigint
            """, [seconds.map(String.init), String(limit)]).compactMap { $0.first ?? nil }.compactMap { Int64($0) }.map(CustomerID.init)
    }

    /// Recomputes these customers' due items and removes the marks read before, one transaction a batch.
    /// Each customer under an advisory lock taken in number order: two writers of one customer take turns,
    /// and the later reads the records as the earlier left them; a mark added after the read stays.
    func recomputeMarked(_ ids: [CustomerID]) throws {
        let sorted = Array(Set(ids)).sorted { $0.number < $1.number }
        try eachBatch(sorted) { batch in
            lock.lock()
            defer { lock.unlock() }
            try link.transaction { try recomputeWithin(batch) }
        }
    }

    /// These customers' due items and marks, inside the caller's transaction: the writer's pass, or a member's
    /// write when its session showed the writer's key (v17).
    func recomputeWithin(_ ids: [CustomerID]) throws {
        let sorted = Array(Set(ids)).sorted { $0.number < $1.number }
        guard !sorted.isEmpty else { return }
        let all = Self.idArray(sorted)
        try rows("""
            SELECT pg_advisory_xact_lock(hashtext('careerplan.due'), (id % 2147483647)::int)::text
            FROM unnest($1::bigint[]) AS t(id)
            """, [all])
        let marks = try rows("SELECT mark::text FROM careerplan.due_stale WHERE customer_id = ANY($1::bigint[])", [all])
            .compactMap { $0.first ?? nil }
        try refreshDue(sorted)
        if !marks.isEmpty {
            try rows("DELETE FROM careerplan.due_stale WHERE mark = ANY($1::bigint[])", ["{" + marks.joined(separator: ",") + "}"])
        }
    }
}
