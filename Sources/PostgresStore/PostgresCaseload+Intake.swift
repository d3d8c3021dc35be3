import Domain
import Foundation
import Store

/// Entry, the application, screening, documents, certification, the Getting
/// Started Assessment, enrollment, assessments and barriers on PostgreSQL,
/// with the file store's rules read again inside each write's transaction.
extension PostgresCaseload {
    /// The customer with one more version, written over the version read (a
    /// save over someone else's is refused).
    func update(_ c: Customer) throws -> Customer {
        var saved = c
        saved.version += 1
        let changed = try rows("""
            UPDATE careerplan.customer SET planner = $2, sort_name = $3, words = $4, body = $5::jsonb
            WHERE id = $1::bigint AND (body ->> 'version')::int = $6::int RETURNING id
            """, [String(c.id.number), saved.planner, saved.sortName, SearchTerms.indexed(saved), try json(saved), String(c.version)])
        guard !changed.isEmpty else { throw StoreError.changedMeanwhile("customer \(c.id)") }
        return saved
    }

    /// A front-desk entry becomes a reportable individual; kept despite the
    /// possible duplicates shown, with that decision recorded.
    public func enter(_ entry: CustomerEntry, by user: Staff?, today: Day, despite duplicates: [CustomerID] = []) throws -> Customer {
        let user = try Permission.enterCustomer.check(by: user)
        // Its number is taken inside the write: its first clocks are computed for the customer the write returns.
        return try write(touchedBy: { [$0.id] }) {
            let next = try rows("SELECT nextval('careerplan.customer_number')::text").first?.first ?? nil
            guard let number = next.flatMap({ Int64($0) }) else { throw StoreError.notFound("the customer number sequence") }
            let id = CustomerID(number)
            guard let customer = entry.customer(id: id, today: today) else {
                throw StoreError.invalid(entry.problems(today: today).map { "\($0.key.label): \($0.value)" }.sorted().joined(separator: "; "))
            }
            try rows("INSERT INTO careerplan.customer (id, planner, sort_name, words, body) VALUES ($1::bigint, $2, $3, $4, $5::jsonb)",
                     [String(id.number), customer.planner, customer.sortName, SearchTerms.indexed(customer), try json(customer)])
            if !duplicates.isEmpty {
                let d = DuplicateDecision(customer: id, matched: duplicates, decidedBy: user.login, decidedAt: timestamp())
                try insert("duplicate_decision", id: try nextID("duplicate_decision"), customer: id, body: try json(d))
            }
            return customer
        }
    }

    /// Saves the application; once certified, a change needs a reason and a
    /// role that may certify, and is kept as an amendment.
    @discardableResult
    public func saveApplication(_ form: ApplicationForm, customer expected: Customer, by user: Staff?, today: Day,
                                amendReason: String? = nil) throws -> Customer {
        try writeCase(.takeApplication, customer: expected.id, by: user) { user in
            let customer = try current(expected)
            guard let application = form.application(customer: customer, today: today) else {
                let problems = form.problems(customer: customer, today: today)
                throw StoreError.invalid(problems.map { "\(ApplicationForm.field($0.key)?.label ?? $0.key): \($0.value)" }
                    .sorted().joined(separator: "; "))
            }
            let stamp = timestamp()
            let file = try caseFile(customer.id)
            if let certification = file?.certification {
                try Permission.certifyEligibility.check(by: user)
                let reason = amendReason?.trimmingCharacters(in: .whitespaces) ?? ""
                guard !reason.isEmpty else {
                    throw StoreError.invalid("eligibility was certified on \(certification.certifiedOn); say why you amend it")
                }
                let changes = form.changes(from: file?.application.map { ApplicationForm($0, phone: customer.phone) } ?? ApplicationForm())
                guard !changes.isEmpty else { return customer }
                let amendment = ApplicationAmendment(customer: customer.id, amendedAt: stamp, amendedBy: user.login, reason: reason,
                                                     changes: changes)
                try insert("application_amendment", id: try nextID("application_amendment"), customer: customer.id,
                           body: try json(amendment))
            }
            try upsert("application", customer: customer.id,
                       body: try json(StoredApplication(customer: customer.id, answers: application, updatedBy: user.login,
                                                        updatedAt: stamp)))
            // The application's barriers go on the register if it does not hold them yet.
            let known = Set((file?.barriers ?? []).map(\.kind))
            for b in application.barriers where !known.contains(b.rawValue) {
                var record = BarrierRecord(id: 0, customer: customer.id, kind: b.rawValue, description: "recorded on the application",
                                           plan: "", identifiedOn: application.appliedOn, recordedBy: user.login)
                record.id = try nextID("barrier")
                try insert("barrier", id: record.id, customer: customer.id, body: try json(record))
            }
            var updated = customer
            updated.appliedOn = application.appliedOn
            if customer.eligibleOn == nil { updated.program = application.program }
            updated.isVeteran = application.veteran == .veteran
            updated.phone = form.phone
            return try update(updated)
        }
    }

    public func recordScreening(_ s: BasicSkillsScreening, by user: Staff?) throws {
        try writeCase(.takeApplication, customer: s.customer, by: user) { _ in
            try insert("basic_skills_screening", id: try nextID("basic_skills_screening"), customer: s.customer, body: try json(s))
        }
    }

    /// Records (or replaces) the document seen for one checklist item.
    public func recordDocument(_ d: EligibilityDocument, by user: Staff?) throws {
        try writeCase(.takeApplication, customer: d.customer, by: user) { _ in
            try rows("""
                INSERT INTO careerplan.eligibility_document (customer_id, body) VALUES ($1::bigint, $2::jsonb)
                ON CONFLICT (customer_id, (body ->> 'item')) DO UPDATE SET body = excluded.body
                """, [String(d.customer.number), try json(d)])
        }
    }

    /// Certifies the titles on `day`, as the Domain's rules allow.
    @discardableResult
    public func certify(_ expected: Customer, titles: [Title], on day: Day, lateReason: String, undocumentedReason: String = "",
                        by user: Staff?, today: Day) throws -> Customer {
        try writeCase(.certifyEligibility, customer: expected.id, by: user) { user in
            let customer = try current(expected)
            guard let file = try caseFile(customer.id) else { throw StoreError.notFound("customer \(customer.id)") }
            if let done = file.certification { throw StoreError.invalid("already certified on \(done.certifiedOn)") }
            guard let application = file.application else { throw StoreError.invalid("there is no application to certify") }
            let screening = file.screenings.last
            let results = Eligibility.evaluate(application, birthDate: customer.birthDate, screening: screening)
            let checklist = EligibilityItem.items(for: application, screening: screening)
            let seen = Set(file.documents.map(\.item))
            let unverified = checklist.filter { !seen.contains($0.key) }.map(\.label)
            let problems = Certification.problems(titles: titles, on: day, lateReason: lateReason, application: application,
                                                  results: results, today: today, unverified: unverified,
                                                  checklistCount: checklist.count, undocumentedReason: undocumentedReason)
            guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: "; ")) }
            let isLate = Certification.isLate(day, appliedOn: application.appliedOn)
            var certification = Certification(customer: customer.id, certifiedOn: day, titles: titles, certifiedBy: user.login,
                                              lateReason: isLate ? lateReason.trimmingCharacters(in: .whitespaces) : nil,
                                              recordedAt: timestamp())
            if !unverified.isEmpty {
                certification.undocumentedReason = undocumentedReason.trimmingCharacters(in: .whitespaces)
                    + " (not verified: " + unverified.joined(separator: ", ") + ")"
            }
            try upsert("certification", customer: customer.id, body: try json(certification))
            var updated = customer
            updated.eligibleOn = day
            updated.program = titles[0].program
            return try update(updated)
        }
    }

    /// Saves what this user changed since `base`, merged by field with what others saved meanwhile.
    @discardableResult
    public func saveGSA(_ gsa: GettingStartedAssessment, over base: GettingStartedAssessment?,
                        by user: Staff?) throws -> (stored: GettingStartedAssessment, collisions: [FieldCollision]) {
        try writeCase(.assess, customer: gsa.customer, by: user) { _ in
            let stored = try records(GettingStartedAssessment.self, "gsa", of: gsa.customer).first
            if let stored, let done = stored.submittedOn, gsa.submittedOn != done {
                throw StoreError.invalid("Section 1 was submitted on \(done)")
            }
            guard let stored, let base else {
                try upsert("gsa", customer: gsa.customer, body: try json(gsa))
                return (gsa, [])
            }
            let (merged, collisions) = gsa.merged(over: base, into: stored)
            try upsert("gsa", customer: gsa.customer, body: try json(merged))
            return (merged, collisions)
        }
    }

    /// Submits Section 1: the customer becomes a participant on `day`.
    @discardableResult
    public func enroll(_ expected: Customer, on day: Day, by user: Staff?) throws -> Customer {
        try writeCase(.assess, customer: expected.id, by: user) { _ in
            let customer = try current(expected)
            guard let file = try caseFile(customer.id), var gsa = file.gsa else {
                throw StoreError.invalid("there is no Getting Started Assessment to submit")
            }
            let problems = Enrollment.problems(customer, gsa: gsa, barriers: file.barriers, on: day)
            guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: "; ")) }
            gsa.submittedOn = day
            try upsert("gsa", customer: customer.id, body: try json(gsa))
            var updated = customer
            updated.enrolledOn = day
            return try update(updated)
        }
    }

    @discardableResult
    public func addAssessment(_ assessment: AssessmentRecord, by user: Staff?) throws -> AssessmentRecord {
        try add(assessment, to: "assessment", .assess, by: user)
    }

    /// Corrects a recorded assessment; each correction keeps who, when and why.
    @discardableResult
    public func correctAssessment(_ expected: AssessmentRecord, to corrected: AssessmentRecord,
                                  by user: Staff?) throws -> AssessmentRecord {
        try writeCase(.assess, customer: expected.customer, by: user) { user in
            let now = try caseFile(expected.customer)?.assessments.first { $0.id == expected.id }
            guard let now else { throw StoreError.notFound("assessment \(expected.id)") }
            guard now == expected else {
                throw StoreError.changedMeanwhile("this assessment\(try lastChange(expected.customer).map { " (\($0))" } ?? "")")
            }
            try CaseloadStore.refuseRebinding(corrected, of: expected, same: corrected.id == expected.id
                                                 && corrected.customer == expected.customer
                                                 && (corrected.corrections?.count ?? 0) == (expected.corrections?.count ?? 0) + 1)
            var next = corrected
            next.corrections = Correction.stamped(corrected.corrections, by: user.login, at: timestamp())
            try replace("assessment", id: next.id, customer: next.customer, body: try json(next))
            return next
        }
    }

    @discardableResult
    public func addBarrier(_ barrier: BarrierRecord, by user: Staff?) throws -> BarrierRecord {
        try add(barrier, to: "barrier", .assess, by: user)
    }

    /// Corrects a barrier; the earlier text stays in its history.
    @discardableResult
    public func correctBarrier(_ expected: BarrierRecord, to corrected: BarrierRecord, by user: Staff?) throws -> BarrierRecord {
        try writeCase(.assess, customer: expected.customer, by: user) { user in
            let current = try currentBarrier(expected)
            try CaseloadStore.refuseRebinding(corrected, of: expected, same: corrected.id == current.id
                                                 && corrected.customer == current.customer
                                                 && corrected.overcomeOn == current.overcomeOn
                                                 && corrected.overcomeHow == current.overcomeHow)
            return try save(corrected, over: current, by: user.login)
        }
    }

    /// Records how, when and by whom a barrier was overcome.
    @discardableResult
    public func overcomeBarrier(_ expected: BarrierRecord, to overcome: BarrierRecord, by user: Staff?) throws -> BarrierRecord {
        try writeCase(.assess, customer: expected.customer, by: user) { user in
            let current = try currentBarrier(expected)
            return try save(try current.marking(overcome: overcome, by: user), over: current, by: user.login)
        }
    }

    private func currentBarrier(_ expected: BarrierRecord) throws -> BarrierRecord {
        guard let now = try caseFile(expected.customer)?.barriers.first(where: { $0.id == expected.id }) else {
            throw StoreError.notFound("barrier \(expected.id)")
        }
        guard now.version == expected.version else {
            throw StoreError.changedMeanwhile("this barrier\(try lastChange(expected.customer).map { " (\($0))" } ?? "")")
        }
        return now
    }

    private func save(_ new: BarrierRecord, over old: BarrierRecord, by login: String) throws -> BarrierRecord {
        let changes = old.changes(to: new)
        guard !changes.isEmpty else { return old }
        var saved = new
        saved.version = old.version + 1
        try replace("barrier", id: saved.id, customer: saved.customer, body: try json(saved))
        let correction = BarrierCorrection(barrier: saved.id, customer: saved.customer, changedAt: timestamp(), changedBy: login,
                                           changes: changes)
        try insert("barrier_correction", id: try nextID("barrier_correction"), customer: saved.customer, body: try json(correction))
        return saved
    }
}
