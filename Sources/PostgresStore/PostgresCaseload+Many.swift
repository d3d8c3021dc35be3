import Domain
import Foundation
import Store

/// One customer's file and clocks, and many customers' at once: one query
/// per kind of record for the whole set, never one per customer, so a
/// state's reports, its due table and its automatic exits read 100,000
/// cases in a few hundred queries. The single-customer reads are the same
/// queries over a set of one.
extension PostgresCaseload {
    /// How many customers one set-based read takes at a time (bounds memory on a state's caseload).
    static let manyAtOnce = 2_000

    /// The records of `table` of these customers, grouped by customer, each customer's in `order`: the
    /// `body` (or a part of it), of every record or of each customer's first only.
    func records<T: Decodable>(_ type: T.Type, _ table: String, of ids: [CustomerID], order: String = "row_id",
                               body: String = "body", firstOnly: Bool = false) throws -> [CustomerID: [T]] {
        guard !ids.isEmpty else { return [:] }
        let decoder = JSONDecoder()
        var out: [CustomerID: [T]] = [:]
        let sql = """
            SELECT \(firstOnly ? "DISTINCT ON (customer_id) " : "")customer_id::text, (\(body))::text
            FROM careerplan.\(table) WHERE customer_id IN (SELECT unnest($1::bigint[]))
            ORDER BY customer_id, \(order)
            """
        for r in try rows(sql, [Self.idArray(ids)]) {
            guard let id = r[0].flatMap({ Int64($0) }).map(CustomerID.init), let body = r[1] else { continue }
            do { out[id, default: []].append(try decoder.decode(T.self, from: Data(body.utf8))) } catch {
                throw PostgresRefusal.plain("a stored \(T.self) could not be read: \(error)", doing: Self.firstLine(sql))
            }
        }
        return out
    }

    static func idArray(_ ids: [CustomerID]) -> String { "{" + ids.map { String($0.number) }.joined(separator: ",") + "}" }

    /// These customers, in the order given (those not found left out).
    func customers(_ ids: [CustomerID]) throws -> [Customer] {
        guard !ids.isEmpty else { return [] }
        let found = try bodies(Customer.self, "SELECT body::text FROM careerplan.customer WHERE id IN (SELECT unnest($1::bigint[]))",
                               [Self.idArray(ids)])
        let byID = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return ids.compactMap { byID[$0] }
    }

    /// The case work of each of these customers (an empty one for a customer with none).
    func caseWork(_ ids: [CustomerID]) throws -> [CustomerID: CaseWork] {
        let notes = try records(CaseNote.self, "case_note", of: ids, order: "body ->> 'eventOn', (body ->> 'id')::bigint")
        let referrals = try records(Referral.self, "referral", of: ids)
        let outcomes = try records(Outcome.self, "outcome", of: ids)
        let pauses = try records(Pause.self, "pause", of: ids)
        let exits = try records(ExitRecord.self, "exit_record", of: ids)
        let declines = try records(FollowUpDecline.self, "follow_up_decline", of: ids)
        let signatures = try records(Signature.self, "signature", of: ids)
        let guardians = try records(GuardianRequest.self, "guardian_request", of: ids)
        let copies = try records(PlanCopyRecord.self, "plan_copy", of: ids)
        let others = try records(OtherProgramService.self, "other_program_service", of: ids)
        return Dictionary(uniqueKeysWithValues: ids.map { id in
            var work = CaseWork(notes: notes[id] ?? [], referrals: referrals[id] ?? [], outcomes: outcomes[id] ?? [],
                                pauses: pauses[id] ?? [], exit: exits[id]?.first, followUpDeclined: declines[id]?.first)
            work.signatures = signatures[id] ?? []
            work.guardianRequest = guardians[id]?.first
            work.copies = copies[id] ?? []
            work.otherServices = others[id] ?? []
            return (id, work)
        })
    }

    public func caseWork(_ id: CustomerID) throws -> CaseWork { try caseWork([id])[id] ?? CaseWork() }

    /// What the clocks read of each of these customers, in the order given.
    public func clockFacts(_ ids: [CustomerID]) throws -> [CaseClockFacts] {
        let customers = try customers(ids)
        let present = customers.map(\.id)
        let versions = try records(PlanVersion.self, "plan_version", of: present, order: "(body ->> 'version')::int")
        let work = try caseWork(present)
        return customers.map { Self.clockFacts($0, versions: versions[$0.id] ?? [], work: work[$0.id] ?? CaseWork()) }
    }

    static func clockFacts(_ customer: Customer, versions: [PlanVersion], work: CaseWork) -> CaseClockFacts {
        // The clocks read notes, outcomes, pauses, signatures and the like; not referrals nor the exit record.
        var w = work
        (w.referrals, w.exit) = ([], nil)
        let saves = versions.map(\.savedAt)
        return CaseClockFacts(customer: customer, plan: versions.last?.plan, firstSave: saves.min(), lastSave: saves.max(),
                              in: .current, work: w)
    }

    public func clockFacts(for id: CustomerID) throws -> CaseClockFacts? { try clockFacts([id]).first }

    /// Each of these customers' whole file, in the order given.
    func caseFiles(_ ids: [CustomerID]) throws -> [CaseFile] {
        let customers = try customers(ids)
        let present = customers.map(\.id)
        let applications = try records(StoredApplication.self, "application", of: present)
        let certifications = try records(Certification.self, "certification", of: present)
        let amendments = try records(ApplicationAmendment.self, "application_amendment", of: present)
        let documents = try records(EligibilityDocument.self, "eligibility_document", of: present, order: "body ->> 'item' COLLATE \"C\"")
        let screenings = try records(BasicSkillsScreening.self, "basic_skills_screening", of: present, order: "body ->> 'screenedOn', row_id")
        let gsas = try records(GettingStartedAssessment.self, "gsa", of: present)
        let assessments = try records(AssessmentRecord.self, "assessment", of: present, order: "(body ->> 'id')::bigint")
        let barriers = try records(BarrierRecord.self, "barrier", of: present, order: "(body ->> 'id')::bigint")
        let corrections = try records(BarrierCorrection.self, "barrier_correction", of: present)
        let work = try caseWork(present)
        return customers.map { c in
            let application = applications[c.id]?.first
            return CaseFile(customer: c, application: application?.answers,
                            applicationSaved: application.map { ($0.updatedBy, $0.updatedAt) },
                            certification: certifications[c.id]?.first, amendments: amendments[c.id] ?? [],
                            documents: documents[c.id] ?? [], screenings: screenings[c.id] ?? [], gsa: gsas[c.id]?.first,
                            assessments: assessments[c.id] ?? [], barriers: barriers[c.id] ?? [],
                            corrections: corrections[c.id] ?? [], work: work[c.id] ?? CaseWork())
        }
    }

    public func caseFile(_ id: CustomerID) throws -> CaseFile? { try caseFiles([id]).first }

    /// Each of these customers' whole file and what the clocks read of it, read once.
    func filesWithClocks(_ ids: [CustomerID]) throws -> [(file: CaseFile, clocks: CaseClockFacts)] {
        let files = try caseFiles(ids)
        let versions = try records(PlanVersion.self, "plan_version", of: files.map(\.customer.id), order: "(body ->> 'version')::int")
        return files.map { ($0, Self.clockFacts($0.customer, versions: versions[$0.customer.id] ?? [], work: $0.work)) }
    }

    /// `body` over these customers a few thousand at a time, in order.
    func inBatches<T>(_ ids: [CustomerID], _ body: ([CustomerID]) throws -> [T]) throws -> [T] {
        var out: [T] = []
        out.reserveCapacity(ids.count)
        try eachBatch(ids) { out += try body($0) }
        return out
    }

    func eachBatch(_ ids: [CustomerID], _ body: ([CustomerID]) throws -> Void) throws {
        var start = 0
        while start < ids.count {
            let end = min(ids.count, start + Self.manyAtOnce)
            try body(Array(ids[start..<end]))
            start = end
        }
    }
}
