import Domain
import Foundation
import GRDB

/// Case notes, referrals, outcomes, pauses, exits and follow-up. Notes are
/// append-only (the schema refuses UPDATE and DELETE); a two-way contact
/// moves the customer's last contact, an employment outcome their first
/// day of employment, an exit their exit date; all in one transaction.
extension CaseloadStore {
    public func caseWork(_ id: CustomerID) throws -> CaseWork {
        try read { db in try Self.caseWork(db, customer: id) }
    }

    @discardableResult
    public func addNote(_ note: CaseNote, by user: Staff?) throws -> CaseNote {
        return try writeCase(.caseWork, customer: note.customer, by: user) { user, db in
            var n = note
            n.author = user.login
            if let original = n.amends {
                guard try Self.notes(db, id: original).first?.customer == n.customer else {
                    throw StoreError.notFound("note \(original)")
                }
            }
            let saved = try Self.insert(n, db)
            if saved.isTwoWayContact { try Self.recordContact(of: saved.customer, db) }
            return saved
        }
    }

    /// Corrects an outcome recorded wrong; its history keeps the old values.
    /// A corrected hire date moves the first day of employment with it.
    @discardableResult
    public func correctOutcome(_ expected: Outcome, to corrected: Outcome, by user: Staff?) throws -> Outcome {
        return try writeCase(.caseWork, customer: expected.customer, by: user) { user, db in
            guard let c = try Self.customer(db, expected.customer) else { throw StoreError.notFound("customer \(expected.customer)") }
            _ = try Self.unchanged(expected, now: try Self.outcomes(db, customer: c.id).first { $0.id == expected.id },
                                   entity: "outcome", key: expected.id, db)
            try Self.refuseRebinding(corrected, of: expected, same: corrected.id == expected.id && corrected.customer == expected.customer
                                        && corrected.kind == expected.kind)
            if let problem = Outcome.enrollmentProblem(corrected.on, enrolledOn: c.enrolledOn) {
                throw StoreError.invalid("\(corrected.kind.label) on \(corrected.on) \(problem)")
            }
            var next = corrected
            next.corrections = Correction.stamped(corrected.corrections, by: user.login, at: timestamp())
            try db.cached(sql: "UPDATE outcome SET body = careerplan_pack('outcome', ?) WHERE id = ?", arguments: [try Self.encodeJSON(next), next.id])
            if next.kind == .employment {
                try db.cached(sql: """
                    UPDATE customer SET employed_on = (SELECT MIN(json_extract(careerplan_body(body), '$.on')) FROM outcome
                        WHERE customer_id = customer.id AND kind = 'employment'), version = version + 1 WHERE id = ?
                    """, arguments: [c.id.number])
            }
            return next
        }
    }

    /// The customer's last two-way contact, derived again from all their
    /// notes (CaseActivity), in the note's transaction.
    static func recordContact(of customer: CustomerID, _ db: Database) throws {
        let last = CaseActivity.lastTwoWayContact(try notes(db, customer: customer))
        try db.cached(sql: """
            UPDATE customer SET last_contact_on = ?, version = version + 1
            WHERE id = ? AND last_contact_on IS NOT ?
            """, arguments: [last?.description, customer.number, last?.description])
    }

    @discardableResult
    public func addReferral(_ referral: Referral, by user: Staff?) throws -> Referral {
        return try writeCase(.caseWork, customer: referral.customer, by: user) { user, db in
            var r = referral
            r.recordedBy = user.login
            r.history = [ReferralChange(status: .sent, on: r.sentOn, by: user.login)]
            return try Self.insert(r, db)
        }
    }

    /// Records a referral's new status, refusing it when someone else changed the referral meanwhile.
    @discardableResult
    public func updateReferral(_ expected: Referral, to next: Referral, by user: Staff?) throws -> Referral {
        return try writeCase(.caseWork, customer: expected.customer, by: user) { user, db in
            let current = try Self.unchanged(expected, now: try Self.referrals(db, id: expected.id).first, entity: "referral",
                                             key: expected.id, db, same: { $0.version == $1.version })
            try Self.refuseRebinding(next, of: expected, same: next.id == expected.id && next.customer == expected.customer && next.history.count == current.history.count + 1
                                        && next.history.dropLast() == current.history[...])
            var moved = next
            moved.history[moved.history.count - 1].by = user.login
            moved.version = current.version + 1
            try db.cached(sql: "UPDATE referral SET status = ?, version = ?, body = careerplan_pack('referral', ?) WHERE id = ? AND version = ?",
                           arguments: [moved.status.rawValue, moved.version, try Self.encodeJSON(moved), moved.id,
                                       current.version])
            return moved
        }
    }

    @discardableResult
    public func addOutcome(_ outcome: Outcome, by user: Staff?) throws -> Outcome {
        return try writeCase(.caseWork, customer: outcome.customer, by: user) { user, db in
            guard let c = try Self.customer(db, outcome.customer) else { throw StoreError.notFound("customer \(outcome.customer)") }
            if let problem = Outcome.enrollmentProblem(outcome.on, enrolledOn: c.enrolledOn) {
                throw StoreError.invalid("\(outcome.kind.label) on \(outcome.on) \(problem)")
            }
            var o = outcome
            o.recordedBy = user.login
            let saved = try Self.insert(o, db)
            if saved.kind == .employment {
                // The first day of employment starts follow-up for adults and dislocated workers.
                try db.cached(sql: """
                    UPDATE customer SET employed_on = ?, version = version + 1
                    WHERE id = ? AND (employed_on IS NULL OR employed_on > ?)
                    """, arguments: [saved.on.description, saved.customer.number, saved.on.description])
            }
            return saved
        }
    }

    @discardableResult
    public func addPause(_ pause: Pause, by user: Staff?) throws -> Pause {
        return try writeCase(.caseWork, customer: pause.customer, by: user) { user, db in
            guard let c = try Self.customer(db, pause.customer) else { throw StoreError.notFound("customer \(pause.customer)") }
            // Checked again against the file as it is now: another user may have recorded a service or pause meanwhile.
            let others = try Self.pauses(db, customer: pause.customer)
            let problems = Pause.problems(pause.values, lastService: c.lastServiceOn, others: others)
            guard problems.isEmpty else { throw FieldProblems(problems, fields: Pause.fields) }
            var p = pause
            p.recordedBy = user.login
            return try Self.insert(p, db)
        }
    }

    /// Records a service delivered or scheduled in another DOL-funded program
    /// the customer is co-enrolled in; the automatic exit counts it (003).
    @discardableResult
    public func addOtherService(_ service: OtherProgramService, by user: Staff?) throws -> OtherProgramService {
        return try writeCase(.caseWork, customer: service.customer, by: user) { user, db in
            var s = service
            s.recordedBy = user.login
            return try Self.insert(s, db)
        }
    }

    public func declineFollowUp(_ decline: FollowUpDecline, by user: Staff?) throws {
        try writeCase(.caseWork, customer: decline.customer, by: user) { user, db in
            guard let c = try Self.customer(db, decline.customer) else { throw StoreError.notFound("customer \(decline.customer)") }
            guard c.exitedOn != nil else {
                throw FieldProblems(["on": "follow-up starts at exit: the customer has not exited"], fields: FollowUpDecline.fields)
            }
            var d = decline
            d.recordedBy = user.login
            try Self.insert(d, db)
        }
    }

    /// The planned exit: refused unless every check of `PlannedExit` is met,
    /// read again inside the transaction. The exit date is the last day of service.
    @discardableResult
    public func exit(_ expected: Customer, by user: Staff?, today: Day) throws -> ExitRecord {
        return try writeCase(.caseWork, customer: expected.id, by: user) { user, db in
            let c = try Self.current(expected, db)
            let work = try Self.caseWork(db, customer: c.id)
            let plan = try Self.currentPlan(db, customer: c.id)?.plan
            let check = PlannedExit(customer: c, plan: plan, notes: work.notes, outcomes: work.outcomes,
                                    elsewhere: work.otherServices, on: today)
            guard check.isReady, let date = check.exitDate else {
                throw StoreError.invalid("not ready to exit: " + check.checks.filter { !$0.met }.map(\.todo).joined(separator: "; "))
            }
            let record = ExitRecord(customer: c.id, exitOn: date, kind: .planned, recordedBy: user.login, recordedOn: today)
            try Self.recordExit(record, db)
            return record
        }
    }

    /// `careerplan exits` from cron: administrators only. With `dryRun`,
    /// who would exit and on which day, nothing written.
    public func applyAutomaticExits(today: Day, matrix: ServicesMatrix, by user: Staff?,
                                    dryRun: Bool = false) throws -> [(customer: CustomerID, exitOn: Day)] {
        try Self.permit(.runExits, by: user)
        guard dryRun else {
            return try automaticExits(today: today, matrix: matrix, packing: nil)
        }
        return try read { db in try Self.automaticExits(today: today, matrix: matrix, db).due }
    }

    /// Exits every participant past the automatic-exit date, back-dated to
    /// their last day of service. Run when the program starts by whoever
    /// first opens the file on a day (later opens that day skip it, as they
    /// do after the night's `careerplan exits`); returns who. Then packs
    /// `packing` bodies at most (PackedBodies). The matrix is read only when the check runs.
    @discardableResult
    public func applyAutomaticExits(today: Day, matrix: @autoclosure () throws -> ServicesMatrix,
                                    packing: Int = packedAtOpening) throws -> [CustomerID] {
        let ran = try read { db in
            try String.fetchOne(db, sql: "SELECT on_day FROM daily_task WHERE task = 'automatic-exits'")
        }
        guard ran != today.description else { return [] }
        return try automaticExits(today: today, matrix: try matrix(), packing: packing).map(\.customer)
    }

    /// The exits and the items whose window closed, then the day's other chore: packing bodies written before their table had a dictionary
    /// (PackedBodies), `packing` of them at most, or all (the night's `careerplan exits`).
    private func automaticExits(today: Day, matrix: ServicesMatrix, packing: Int?) throws -> [(customer: CustomerID, exitOn: Day)] {
        let exits = try write { db in
            try db.execute(sql: """
                INSERT INTO daily_task (task, on_day) VALUES ('automatic-exits', ?)
                ON CONFLICT (task) DO UPDATE SET on_day = excluded.on_day
                """, arguments: [today.description])
            let (due, damaged) = try Self.automaticExits(today: today, matrix: matrix, db)
            remember(unreadable: damaged)
            for (id, date) in due {
                try Self.recordExit(ExitRecord(customer: id, exitOn: date, kind: .automatic,
                                               recordedBy: "careerplan", recordedOn: today), db)
            }
            try Self.dropClosedDue(before: today, db)
            return due
        }
        let moment = timestamp()
        var left = packing
        // In transactions of a chunk each, so other users' saves go in between.
        while left.map({ $0 > 0 }) ?? true {
            let chunk = min(left ?? Self.packedPerTransaction, Self.packedPerTransaction)
            let packed = try write { db in try Self.packBodies(limit: chunk, at: moment, db) }
            guard packed == chunk else { break }
            left = left.map { $0 - packed }
        }
        return exits
    }

    /// Everyone past their automatic-exit date on `today`, with the day their exit is dated; those whose
    /// records cannot be read are left as they are, and returned.
    static func automaticExits(today: Day, matrix: ServicesMatrix, _ db: Database) throws
        -> (due: [(customer: CustomerID, exitOn: Day)], unreadable: Set<Int64>) {
        // Only customers without service for 90 days can be due; pauses and plans decide the rest.
        let cutoff = today.adding(days: -90).description
        // Two index ranges (customer_by_last_service), not a scan of every open case.
        let condition = """
            (c.exited_on IS NULL AND c.last_service_on < ? AND c.enrolled_on < ?)
            OR (c.exited_on IS NULL AND c.last_service_on IS NULL AND c.enrolled_on < ?)
            """
        let args: StatementArguments = [cutoff, cutoff, cutoff]
        // Only what the rule reads: the customer, the current plan, pauses and other programs' services (the
        // whole case file's notes and signatures were most of the check's time).
        func exits(where these: String, _ args: StatementArguments) throws -> [(customer: CustomerID, exitOn: Day)] {
            let cases = try customersWithPlans(db, where: these, args)
            let work = try caseWorks(db, where: these, args, only: ["pause", "other_program_service"])
            return cases.compactMap { c in
                let w = work[c.customer.id] ?? CaseWork()
                return AutoExit.exitDate(for: c.customer, plan: c.plan, pauses: w.pauses, elsewhere: w.otherServices,
                                         on: today, matrix: matrix).map { (c.customer.id, $0) }
            }
        }
        let (due, unreadable) = try readingPastDamage(
            all: { try exits(where: condition, args) },
            ids: { try Int64.fetchAll(db, sql: "SELECT c.id FROM customer c WHERE \(condition)", arguments: args) },
            each: { try exits(where: "c.id = ?", [$0]) })
        return (due, unreadable)
    }

    // MARK: Rows

    static func recordExit(_ r: ExitRecord, _ db: Database) throws {
        try insert(r, db)
        try db.cached(sql: "UPDATE customer SET exited_on = ?, version = version + 1 WHERE id = ?",
                       arguments: [r.exitOn.description, r.customer.number])
    }

    static func customer(_ db: Database, _ id: CustomerID) throws -> Customer? {
        try Row.fetchOne(db, sql: "SELECT \(Customer.columns) FROM customer WHERE id = ?", arguments: [id.number])
            .map(Customer.init(row:))
    }

    static func caseWork(_ db: Database, customer id: CustomerID) throws -> CaseWork {
        var work = CaseWork(notes: try notes(db, customer: id), referrals: try referrals(db, customer: id),
                            outcomes: try outcomes(db, customer: id), pauses: try pauses(db, customer: id),
                            exit: try bodies(db, "exit_record", ExitRecord.self, customer: id).first,
                            followUpDeclined: try bodies(db, "follow_up_decline", FollowUpDecline.self, customer: id).first)
        work.signatures = try bodies(db, "signature", Signature.self, customer: id, order: "customer_id, id")
        work.guardianRequest = try bodies(db, "guardian_request", GuardianRequest.self, customer: id).first
        work.copies = try bodies(db, "plan_copy", PlanCopyRecord.self, customer: id, order: "customer_id, id")
        work.otherServices = try bodies(db, "other_program_service", OtherProgramService.self, customer: id, order: "customer_id, id")
        return work
    }

    /// Records of `table` decoded from their JSON body, for one customer, those matching `condition`, or all.
    static func bodies<T: Decodable>(_ db: Database, _ table: String, _ type: T.Type, customer: CustomerID? = nil,
                                     id: Int64? = nil, ids: ClosedRange<Int64>? = nil, where condition: String? = nil,
                                     order: String = "customer_id") throws -> [T] {
        var (filter, args) = Self.filter(customer, ids, also: condition.map { [$0] } ?? [])
        if let id { filter += (filter.isEmpty ? "WHERE" : " AND") + " id = ?"; args.append(id) }
        return try String.fetchAll(db, sql: "SELECT \(PackedBodies.read(table)) FROM \(table) \(filter) ORDER BY \(order)",
                                   arguments: StatementArguments(args))
            .map { try decodeJSON(T.self, $0, "\(table).body") }
    }

    static func notes(_ db: Database, customer: CustomerID? = nil, id: Int64? = nil, ids: ClosedRange<Int64>? = nil) throws -> [CaseNote] {
        NoteBodies.inOrder(try bodies(db, "case_note", CaseNote.self, customer: customer, id: id, ids: ids, order: "customer_id, id"))
    }

    static func referrals(_ db: Database, customer: CustomerID? = nil, id: Int64? = nil, ids: ClosedRange<Int64>? = nil) throws -> [Referral] {
        try bodies(db, "referral", Referral.self, customer: customer, id: id, ids: ids, order: "customer_id, id")
    }

    static func outcomes(_ db: Database, customer: CustomerID? = nil, ids: ClosedRange<Int64>? = nil) throws -> [Outcome] {
        try bodies(db, "outcome", Outcome.self, customer: customer, ids: ids, order: "customer_id, id")
    }

    static func pauses(_ db: Database, customer: CustomerID? = nil, ids: ClosedRange<Int64>? = nil) throws -> [Pause] {
        try bodies(db, "pause", Pause.self, customer: customer, ids: ids, order: "customer_id, id")
    }

    /// The id a new record of `table` gets: its JSON body holds the id, so it is known before the insert.
    static func nextID(_ table: String, _ db: Database) throws -> Int64 {
        // A cached statement: a bulk load asks once per record (parsing it each time showed in seeding's profile).
        try Int64.fetchOne(try db.cachedStatement(sql: "SELECT coalesce(max(id), 0) + 1 FROM \(table)")) ?? 1
    }

    /// `body`: the note's body made ahead (a load's, `PreparedCases`), for the note as given (its id kept).
    static func insert(_ n: CaseNote, _ db: Database, keepID: Bool = false, body: DatabaseValue? = nil) throws -> CaseNote {
        var saved = n
        precondition(body == nil || keepID, "a body made ahead holds the id it was made with")
        if !keepID { saved.id = try Self.nextID("case_note", db) }
        try db.cached(sql: "INSERT INTO case_note (id, customer_id, body) VALUES (?, ?, careerplan_pack('case_note', ?))",
                       arguments: [saved.id, saved.customer.number, try body ?? encodeJSON(saved).databaseValue])
        return saved
    }

    static func insert(_ r: Referral, _ db: Database, keepID: Bool = false, body: DatabaseValue? = nil) throws -> Referral {
        var saved = r
        precondition(body == nil || keepID, "a body made ahead holds the id it was made with")
        if !keepID { saved.id = try Self.nextID("referral", db) }
        try db.cached(sql: "INSERT INTO referral (id, customer_id, status, version, body) VALUES (?, ?, ?, ?, careerplan_pack('referral', ?))",
                       arguments: [saved.id, saved.customer.number, saved.status.rawValue, saved.version,
                                   try body ?? encodeJSON(saved).databaseValue])
        return saved
    }

    static func insert(_ o: Outcome, _ db: Database, keepID: Bool = false, body: DatabaseValue? = nil) throws -> Outcome {
        var saved = o
        precondition(body == nil || keepID, "a body made ahead holds the id it was made with")
        if !keepID { saved.id = try Self.nextID("outcome", db) }
        try db.cached(sql: "INSERT INTO outcome (id, customer_id, kind, body) VALUES (?, ?, ?, careerplan_pack('outcome', ?))",
                       arguments: [saved.id, saved.customer.number, saved.kind.rawValue, try body ?? encodeJSON(saved).databaseValue])
        return saved
    }

    /// Ends a running pause before its planned end: the exit clock runs
    /// again from the day after. The planned end and why are kept.
    @discardableResult
    public func endPauseEarly(_ expected: Pause, to ended: Pause, by user: Staff?) throws -> Pause {
        return try writeCase(.caseWork, customer: expected.customer, by: user) { user, db in
            guard let p = try Self.pauses(db, customer: expected.customer).first(where: { $0.id == expected.id }) else {
                throw StoreError.notFound("pause \(expected.id) of \(expected.customer)")
            }
            guard p.plannedEndOn == nil else { throw StoreError.invalid("this pause already ended early on \(p.endOn)") }
            _ = try Self.unchanged(expected, now: p, entity: "pause", key: p.id, db)
            try Self.refuseRebinding(ended, of: expected, same: ended.id == p.id && ended.customer == p.customer && ended.startOn == p.startOn
                                        && ended.plannedEndOn == p.endOn && ended.endOn < p.endOn)
            let id = p.id
            try db.cached(sql: "UPDATE pause SET body = careerplan_pack('pause', ?) WHERE id = ?", arguments: [try Self.encodeJSON(ended), id])
            return ended
        }
    }

    static func insert(_ p: Pause, _ db: Database, keepID: Bool = false) throws -> Pause {
        var saved = p
        if !keepID { saved.id = try Self.nextID("pause", db) }
        try db.cached(sql: "INSERT INTO pause (id, customer_id, body) VALUES (?, ?, careerplan_pack('pause', ?))",
                       arguments: [saved.id, saved.customer.number, try encodeJSON(saved)])
        return saved
    }

    static func insert(_ s: OtherProgramService, _ db: Database, keepID: Bool = false, body: DatabaseValue? = nil) throws -> OtherProgramService {
        var saved = s
        precondition(body == nil || keepID, "a body made ahead holds the id it was made with")
        if !keepID { saved.id = try Self.nextID("other_program_service", db) }
        try db.cached(sql: "INSERT INTO other_program_service (id, customer_id, body) VALUES (?, ?, careerplan_pack('other_program_service', ?))",
                       arguments: [saved.id, saved.customer.number, try body ?? encodeJSON(saved).databaseValue])
        return saved
    }

    static func insert(_ e: ExitRecord, _ db: Database, body: DatabaseValue? = nil) throws {
        try db.cached(sql: "INSERT INTO exit_record (customer_id, body) VALUES (?, careerplan_pack('exit_record', ?)) ON CONFLICT(customer_id) DO UPDATE SET body = excluded.body",
                       arguments: [e.customer.number, try body ?? encodeJSON(e).databaseValue])
    }

    static func insert(_ d: FollowUpDecline, _ db: Database) throws {
        try db.cached(sql: "INSERT INTO follow_up_decline (customer_id, body) VALUES (?, careerplan_pack('follow_up_decline', ?)) ON CONFLICT(customer_id) DO UPDATE SET body = excluded.body",
                       arguments: [d.customer.number, try encodeJSON(d)])
    }
}
