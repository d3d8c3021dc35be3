import Domain
import Foundation
import GRDB

/// Applications, eligibility certification, documentation and screening.
/// Each write is one transaction that checks the role and that the customer
/// was not changed by someone else since the screen read it.
extension CaseloadStore {
    /// The case file as `user` may read it on `day`: refused for a planner
    /// when the customer is another planner's they do not cover.
    public func caseFile(_ id: CustomerID, readBy user: Staff?, on day: Day) throws -> CaseFile? {
        guard let file = try caseFile(id) else { return nil }
        guard let user else { throw StoreError.notOnStaff }
        try reach(of: user, on: day).require(file.customer.planner, by: user, to: "open") {
            try file.customer.planner.flatMap { try staff(login: $0)?.name }
        }
        return file
    }

    public func caseFile(_ id: CustomerID) throws -> CaseFile? {
        try read { db in
            guard let customer = try Row.fetchOne(db, sql: "SELECT \(Customer.columns) FROM customer WHERE id = ?",
                                                  arguments: [id.number]).map(Customer.init(row:)) else { return nil }
            let app = try Row.fetchOne(db, sql: "SELECT \(PackedBodies.all("application")) FROM application WHERE customer_id = ?", arguments: [id.number])
            return CaseFile(
                customer: customer,
                application: try app.map { try Self.decodeJSON(Application.self, $0["answers"], "application.answers") },
                applicationSaved: app.map { ($0["updated_by"], $0["updated_at"]) },
                certification: try Self.certifications(db, customer: id).first,
                amendments: try Self.amendments(db, customer: id),
                documents: try Self.documents(db, customer: id),
                screenings: try Self.screenings(db, customer: id),
                gsa: try Self.gsas(db, customer: id).first,
                assessments: try Self.assessments(db, customer: id),
                barriers: try Self.barriers(db, customer: id),
                corrections: try Self.corrections(db, customer: id),
                work: try Self.caseWork(db, customer: id))
        }
    }

    /// Saves the application. Once eligibility is certified the answers are
    /// locked: a change needs `amendReason`, a role that may certify, and is
    /// kept in the amendment history with every field's old and new value.
    @discardableResult
    public func saveApplication(_ form: ApplicationForm, customer expected: Customer, by user: Staff?, today: Day,
                                amendReason: String? = nil) throws -> Customer {
        return try writeCase(.takeApplication, customer: expected.id, by: user) { user, db in
            let customer = try Self.current(expected, db)
            guard let application = form.application(customer: customer, today: today) else {
                let problems = form.problems(customer: customer, today: today)
                throw StoreError.invalid(problems.map { "\(ApplicationForm.field($0.key)?.label ?? $0.key): \($0.value)" }
                    .sorted().joined(separator: "; "))
            }
            let stamp = timestamp()
            if let certification = try Self.certifications(db, customer: customer.id).first {
                try Self.permit(.certifyEligibility, by: user)
                let reason = amendReason?.trimmingCharacters(in: .whitespaces) ?? ""
                guard !reason.isEmpty else {
                    throw StoreError.invalid("eligibility was certified on \(certification.certifiedOn); say why you amend it")
                }
                let stored = try Row.fetchOne(db, sql: "SELECT careerplan_body(answers) AS answers FROM application WHERE customer_id = ?",
                                              arguments: [customer.id.number])
                    .map { try Self.decodeJSON(Application.self, $0["answers"], "application.answers") }
                let changes = form.changes(from: stored.map { ApplicationForm($0, phone: customer.phone) } ?? ApplicationForm())
                guard !changes.isEmpty else { return customer }
                try Self.insert(ApplicationAmendment(customer: customer.id, amendedAt: stamp, amendedBy: user.login,
                                                     reason: reason, changes: changes), db)
            }
            try Self.upsert(application, customer: customer.id, by: user.login, at: stamp, db)
            try Self.registerBarriers(of: application, customer: customer.id, by: user.login, db)
            var updated = customer
            updated.appliedOn = application.appliedOn
            if customer.eligibleOn == nil { updated.program = application.program }
            updated.isVeteran = application.veteran == .veteran
            updated.phone = form.phone
            return try Self.update(updated, db)
        }
    }

    /// Certifies the titles on `day` (the eligibility determination). The
    /// Domain's rules decide: only eligible titles, within 30 days of the
    /// application or with a reason.
    @discardableResult
    public func certify(_ expected: Customer, titles: [Title], on day: Day, lateReason: String, undocumentedReason: String = "",
                        by user: Staff?, today: Day) throws -> Customer {
        return try writeCase(.certifyEligibility, customer: expected.id, by: user) { user, db in
            let customer = try Self.current(expected, db)
            if let done = try Self.certifications(db, customer: customer.id).first {
                throw StoreError.invalid("already certified on \(done.certifiedOn)")
            }
            guard let row = try Row.fetchOne(db, sql: "SELECT careerplan_body(answers) AS answers FROM application WHERE customer_id = ?",
                                             arguments: [customer.id.number]) else {
                throw StoreError.invalid("there is no application to certify")
            }
            let application = try Self.decodeJSON(Application.self, row["answers"], "application.answers")
            let screening = try Self.screenings(db, customer: customer.id).last
            let results = Eligibility.evaluate(application, birthDate: customer.birthDate, screening: screening)
            let checklist = EligibilityItem.items(for: application, screening: screening)
            let seen = Set(try Self.documents(db, customer: customer.id).map(\.item))
            let unverified = checklist.filter { !seen.contains($0.key) }.map(\.label)
            let problems = Certification.problems(titles: titles, on: day, lateReason: lateReason,
                                                  application: application, results: results, today: today,
                                                  unverified: unverified, checklistCount: checklist.count,
                                                  undocumentedReason: undocumentedReason)
            guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: "; ")) }
            let reason = lateReason.trimmingCharacters(in: .whitespaces)
            let isLate = Certification.isLate(day, appliedOn: application.appliedOn)
            var certification = Certification(customer: customer.id, certifiedOn: day, titles: titles, certifiedBy: user.login,
                                              lateReason: isLate ? reason : nil, recordedAt: timestamp())
            if !unverified.isEmpty {
                certification.undocumentedReason = undocumentedReason.trimmingCharacters(in: .whitespaces)
                    + " (not verified: " + unverified.joined(separator: ", ") + ")"
            }
            try Self.insert(certification, db)
            var updated = customer
            updated.eligibleOn = day
            updated.program = titles[0].program
            return try Self.update(updated, db)
        }
    }

    public func recordScreening(_ s: BasicSkillsScreening, by user: Staff?) throws {
        try writeCase(.takeApplication, customer: s.customer, by: user) { user, db in
            try Self.insert(s, db)
        }
    }

    /// Records (or replaces) the document seen for one checklist item.
    public func recordDocument(_ d: EligibilityDocument, by user: Staff?) throws {
        try writeCase(.takeApplication, customer: d.customer, by: user) { user, db in
            try Self.insert(d, db)
        }
    }

    /// Stores whole cases as they are (the synthetic caseload of the demo,
    /// `seed` and the tests), each record stamped on its own day, and returns
    /// each case's facts as `clockFacts` would read them back. Their records
    /// were numbered and their bodies made ahead (`PreparedCases`); if the
    /// file has since given those numbers to others, they are numbered again
    /// here and their bodies made anew.
    @discardableResult
    func insert(cases prepared: PreparedCases) throws -> [CaseClockFacts] {
        try write { db in
            let next = try RecordNumbers(next: db)
            let ready = next == prepared.first ? prepared : PreparedCases(prepared.cases, numberedFrom: next)
            var facts: [CaseClockFacts] = []
            for (i, bodies) in zip(ready.cases, ready.bodies) {
                let planner = i.customer.planner ?? ""
                for b in i.barriers { try Self.insert(b, db) }
                if let a = i.application {
                    try Self.upsert(a, customer: i.customer.id, by: i.customer.planner ?? "dbrooks",
                                    at: "\(a.appliedOn)T15:00:00Z", db, body: bodies.application)
                    try Self.registerBarriers(of: a, customer: i.customer.id, by: i.customer.planner ?? "dbrooks", db)
                }
                if let g = i.gsa { try Self.upsert(g, by: planner, at: "\(g.startedOn)T16:30:00Z", db, body: bodies.gsa) }
                for (a, body) in zip(i.assessments, bodies.assessments) { try Self.insert(a, db, keepID: true, body: body) }
                var plan: CareerPlan?
                var saves: [String] = []
                if let p = i.plan, let enrolled = i.customer.enrolledOn {
                    plan = p
                    saves.append("\(enrolled)T17:00:00Z")
                    // A reviewed plan is saved twice unchanged: encoded once, the current plan written once.
                    let body = try bodies.plan ?? Self.encodeJSON(p).databaseValue
                    try Self.insert(PlanVersion(customer: p.customer, version: 1, plan: p, savedBy: planner,
                                                savedAt: saves[0], changes: ["initial plan"]),
                                    body: body, current: i.planReviewedOn == nil, db)
                    if let reviewed = i.planReviewedOn {
                        saves.append("\(reviewed)T16:00:00Z")
                        try Self.insert(PlanVersion(customer: p.customer, version: 2, plan: p, savedBy: planner,
                                                    savedAt: saves[1], changes: ["reviewed with the customer"]), body: body, db)
                    }
                }
                if let c = i.certification { try Self.insert(c, db) }
                if let s = i.screening { try Self.insert(s, db) }
                try DocumentBodies.insert(i.documents, db)
                // What the clocks read of the case work, as written (clockFacts leaves out referrals and the exit).
                var work = CaseWork()
                for (n, body) in zip(i.work.notes, bodies.notes) { work.notes.append(try Self.insert(n, db, keepID: true, body: body)) }
                for (r, body) in zip(i.work.referrals, bodies.referrals) { _ = try Self.insert(r, db, keepID: true, body: body) }
                for (o, body) in zip(i.work.outcomes, bodies.outcomes) { work.outcomes.append(try Self.insert(o, db, keepID: true, body: body)) }
                for (s, body) in zip(i.work.signatures, bodies.signatures) { try Self.insert(s, db, body: body) }
                work.signatures = i.work.signatures
                if let r = i.work.guardianRequest {
                    try Self.insert(r, db, body: bodies.guardianRequest)
                    work.guardianRequest = r
                }
                for (copy, body) in zip(i.work.copies, bodies.copies) { try Self.insert(copy, db, body: body) }
                work.copies = i.work.copies
                for (s, body) in zip(i.work.otherServices, bodies.otherServices) {
                    work.otherServices.append(try Self.insert(s, db, keepID: true, body: body))
                }
                if let e = i.work.exit { try Self.insert(e, db, body: bodies.exit) }
                work.notes.sort { ($0.eventOn, $0.id) < ($1.eventOn, $1.id) }
                facts.append(CaseClockFacts(customer: i.customer, plan: plan, firstSave: saves.min(), lastSave: saves.max(),
                                            in: .current, work: work))
            }
            return facts
        }
    }

    // MARK: Rows

    /// The customer as stored, refusing a write when another user changed it.
    static func current(_ expected: Customer, _ db: Database) throws -> Customer {
        guard let now = try Row.fetchOne(db, sql: "SELECT \(Customer.columns) FROM customer WHERE id = ?",
                                         arguments: [expected.id.number]).map(Customer.init(row:)) else {
            throw StoreError.notFound("customer \(expected.id)")
        }
        guard now.version == expected.version else {
            let who = try lastChange(customer: expected.id, db).map { " (\($0))" } ?? ""
            throw StoreError.changedMeanwhile("customer \(expected.id)\(who)")
        }
        return now
    }

    static func update(_ c: Customer, _ db: Database) throws -> Customer {
        var saved = c
        saved.version += 1
        try db.cached(sql: """
            UPDATE customer SET applied_on = ?, eligible_on = ?, enrolled_on = ?, program = ?, is_veteran = ?, phone = ?,
                version = ?
            WHERE id = ? AND version = ?
            """, arguments: [c.appliedOn?.description, c.eligibleOn?.description, c.enrolledOn?.description,
                             c.program?.rawValue, c.isVeteran, c.phone, saved.version, c.id.number, c.version])
        guard db.changesCount == 1 else { throw StoreError.changedMeanwhile("customer \(c.id)") }
        return saved
    }

    static func upsert(_ a: Application, customer: CustomerID, by login: String, at stamp: String, _ db: Database,
                       body: DatabaseValue? = nil) throws {
        try db.cached(sql: """
            INSERT INTO application (customer_id, applied_on, program, answers, updated_by, updated_at)
            VALUES (?, ?, ?, careerplan_pack('application', ?), ?, ?) ON CONFLICT(customer_id) DO UPDATE SET applied_on = excluded.applied_on, program = excluded.program, answers = excluded.answers, updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """, arguments: [customer.number, a.appliedOn.description, a.program.rawValue, try body ?? encodeJSON(a).databaseValue,
                             login, stamp])
    }

    static func insert(_ c: Certification, _ db: Database) throws {
        try db.cached(sql: """
            INSERT INTO certification (customer_id, certified_on, titles, certified_by, late_reason, recorded_at, undocumented_reason)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [c.customer.number, c.certifiedOn.description, c.titles.map(\.rawValue).joined(separator: " "),
                             c.certifiedBy, c.lateReason, c.recordedAt, c.undocumentedReason])
    }

    static func insert(_ a: ApplicationAmendment, _ db: Database) throws {
        try db.cached(sql: """
            INSERT INTO application_amendment (customer_id, amended_at, amended_by, reason, changes) VALUES (?, ?, ?, ?, ?)
            """, arguments: [a.customer.number, a.amendedAt, a.amendedBy, a.reason, try encodeJSON(a.changes)])
    }

    static func insert(_ d: EligibilityDocument, _ db: Database) throws {
        try DocumentBodies.insert([d], db)
    }

    static func insert(_ s: BasicSkillsScreening, _ db: Database) throws {
        try db.cached(sql: """
            INSERT INTO basic_skills_screening (customer_id, screened_on, result, notes, recorded_by) VALUES (?, ?, ?, ?, ?)
            """, arguments: [s.customer.number, s.screenedOn.description, s.result.rawValue, s.notes, s.recordedBy])
    }

    static func certifications(_ db: Database, customer: CustomerID? = nil, ids: ClosedRange<Int64>? = nil) throws -> [Certification] {
        try rows(db, "certification", customer, ids: ids, order: "customer_id").map { row in
            var c = Certification(customer: CustomerID(row["customer_id"]), certifiedOn: try day(row, "certified_on"),
                          titles: try (row["titles"] as String).split(separator: " ").map { text in
                              guard let t = Title(rawValue: String(text)) else { throw StoreError.notFound("title \(text)") }
                              return t
                          },
                          certifiedBy: row["certified_by"], lateReason: row["late_reason"], recordedAt: row["recorded_at"])
            c.undocumentedReason = row["undocumented_reason"]
            return c
        }
    }

    static func amendments(_ db: Database, customer: CustomerID? = nil) throws -> [ApplicationAmendment] {
        try rows(db, "application_amendment", customer, order: "id").map { row in
            ApplicationAmendment(customer: CustomerID(row["customer_id"]), amendedAt: row["amended_at"],
                                 amendedBy: row["amended_by"], reason: row["reason"],
                                 changes: try decodeJSON([FieldChange].self, row["changes"], "application_amendment.changes"))
        }
    }

    /// As seen by staff, each document type under today's name (the body keeps the words stored).
    static func documents(_ db: Database, customer: CustomerID? = nil, ids: ClosedRange<Int64>? = nil) throws -> [EligibilityDocument] {
        try DocumentBodies.documents(in: rows(db, DocumentBodies.table, customer, ids: ids, order: "customer_id")).map {
            var d = $0
            d.documentType = EligibilityDocument.currentName(of: d.documentType)
            return d
        }
    }

    static func screenings(_ db: Database, customer: CustomerID? = nil, ids: ClosedRange<Int64>? = nil) throws -> [BasicSkillsScreening] {
        try rows(db, "basic_skills_screening", customer, ids: ids, order: "customer_id, screened_on, id").map { row in
            guard let result = BasicSkillsScreening.Result(rawValue: row["result"]) else {
                throw StoreError.notFound("valid result in basic_skills_screening")
            }
            return BasicSkillsScreening(customer: CustomerID(row["customer_id"]), screenedOn: try day(row, "screened_on"),
                                        result: result, notes: row["notes"], recordedBy: row["recorded_by"])
        }
    }

    static func applications(_ db: Database, ids: ClosedRange<Int64>? = nil) throws -> [StoredApplication] {
        try rows(db, "application", nil, ids: ids, order: "customer_id").map { row in
            StoredApplication(customer: CustomerID(row["customer_id"]),
                              answers: try decodeJSON(Application.self, row["answers"], "application.answers"),
                              updatedBy: row["updated_by"], updatedAt: row["updated_at"])
        }
    }

    /// Rows of `table`: one customer's, those whose customer's id is in `ids` (an export in pieces), or all.
    static func rows(_ db: Database, _ table: String, _ customer: CustomerID?, ids: ClosedRange<Int64>? = nil,
                     order: String) throws -> [Row] {
        let (filter, args) = Self.filter(customer, ids)
        return try Row.fetchAll(db, sql: "SELECT \(PackedBodies.all(table)) FROM \(table) \(filter) ORDER BY \(order)", arguments: StatementArguments(args))
    }

    /// The WHERE clause for one customer or a range of customers' ids, and its arguments.
    static func filter(_ customer: CustomerID?, _ ids: ClosedRange<Int64>?,
                       also conditions: [String] = []) -> (String, [DatabaseValueConvertible]) {
        var conditions = conditions
        var args: [DatabaseValueConvertible] = []
        if let customer { conditions.append("customer_id = ?"); args.append(customer.number) }
        if let ids { conditions.append("customer_id BETWEEN ? AND ?"); args += [ids.lowerBound, ids.upperBound] }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), args)
    }

    static func day(_ row: Row, _ column: String) throws -> Day {
        guard let d = Day(iso: row[column] as String) else { throw StoreError.notFound("valid date in \(column)") }
        return d
    }

    static func optionalDay(_ row: Row, _ column: String) throws -> Day? {
        (row[column] as String?) == nil ? nil : try day(row, column)
    }

}

/// An application as the export carries it.
public struct StoredApplication: Hashable, Codable, Sendable {
    public var customer: CustomerID
    public var answers: Application
    public var updatedBy: String
    public var updatedAt: String

    public init(customer: CustomerID, answers: Application, updatedBy: String, updatedAt: String) {
        self.customer = customer
        self.answers = answers
        self.updatedBy = updatedBy
        self.updatedAt = updatedAt
    }
}
