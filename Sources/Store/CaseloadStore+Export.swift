import Domain
import Foundation
import GRDB

extension CaseloadStore {
    /// The whole file as JSON: administrators only (it is every customer).
    public func exportJSON(by user: Staff?) throws -> Data {
        try Self.permit(.exportData, by: user)
        return try exportJSON()
    }

    func exportJSON() throws -> Data {
        try read { db in try Self.encode(Self.export(db, .whole)) }
    }

    /// The export in pieces, each an export of its own, so that a state's
    /// caseload is never held whole (`migrate` and `seed` into PostgreSQL):
    /// the first piece holds the settings, staff and coverings; then each
    /// holds `size` customers (by id) with every record of theirs; the last
    /// holds the two lists kept in the order they were written, not by
    /// customer (duplicate decisions, amendments). Taken list by list, in
    /// order, the pieces are `exportJSON`'s lists. One read transaction.
    public func exportPieces(by user: Staff?, customersPerPiece size: Int, _ each: (Data) throws -> Void) throws {
        try Self.permit(.exportData, by: user)
        try read { db in
            try each(Self.encode(Self.export(db, .opening)))
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM customer ORDER BY id")
            for start in stride(from: 0, to: ids.count, by: max(1, size)) {
                let range = ids[start]...ids[min(ids.count, start + max(1, size)) - 1]
                try each(Self.encode(Self.export(db, .customers(range))))
            }
            try each(Self.encode(Self.export(db, .closing)))
        }
    }

    /// What an export (or a piece of one) holds.
    enum ExportPart {
        case whole, opening, customers(ClosedRange<Int64>), closing

        /// Whether it holds the settings, staff and coverings; customers with
        /// their records (of `ids`, all when nil); the lists kept in the order they were written.
        var holds: (opening: Bool, perCustomer: Bool, closing: Bool, ids: ClosedRange<Int64>?) {
            switch self {
            case .whole: (true, true, true, nil)
            case .opening: (true, false, false, nil)
            case .customers(let range): (false, true, false, range)
            case .closing: (false, false, true, nil)
            }
        }
    }

    static func export(_ db: Database, _ part: ExportPart) throws -> DataExport {
        let (opening, perCustomer, closing, ids) = part.holds
        // A list of this piece, or none.
        func list<T>(_ wanted: Bool, _ read: () throws -> [T]) rethrows -> [T] { wanted ? try read() : [] }
        let customerFilter = ids.map { "WHERE id BETWEEN \($0.lowerBound) AND \($0.upperBound)" } ?? ""
        return DataExport(
            settings: opening ? Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, value FROM setting")
                .map { ($0["key"] as String, $0["value"] as String) }) : [:],
            staff: try list(opening) { try Row.fetchAll(db, sql: "SELECT * FROM staff ORDER BY login").map(Staff.init(row:)) },
            customers: try list(perCustomer) {
                try Row.fetchAll(db, sql: "SELECT \(Customer.columns) FROM customer \(customerFilter) ORDER BY id").map(Customer.init(row:))
            },
            duplicateDecisions: try list(closing) { try duplicateDecisions(db) },
            applications: try list(perCustomer) { try applications(db, ids: ids) },
            certifications: try list(perCustomer) { try certifications(db, ids: ids) },
            amendments: try list(closing) { try amendments(db) },
            documents: try list(perCustomer) { try documents(db, ids: ids) },
            screenings: try list(perCustomer) { try screenings(db, ids: ids) },
            gsas: try list(perCustomer) { try gsas(db, ids: ids) },
            assessments: try list(perCustomer) { try assessments(db, ids: ids) },
            barriers: try list(perCustomer) { try barriers(db, ids: ids) },
            barrierCorrections: try list(perCustomer) { try corrections(db, ids: ids) },
            planVersions: try list(perCustomer) { try planVersions(db, ids: ids) },
            dismissals: try list(perCustomer) { try dismissals(db, ids: ids) },
            notes: try list(perCustomer) { try notes(db, ids: ids) },
            referrals: try list(perCustomer) { try referrals(db, ids: ids) },
            outcomes: try list(perCustomer) { try outcomes(db, ids: ids) },
            pauses: try list(perCustomer) { try pauses(db, ids: ids) },
            exits: try list(perCustomer) { try bodies(db, "exit_record", ExitRecord.self, ids: ids) },
            followUpDeclines: try list(perCustomer) { try bodies(db, "follow_up_decline", FollowUpDecline.self, ids: ids) },
            signatures: try list(perCustomer) { try bodies(db, "signature", Signature.self, ids: ids, order: "customer_id, id") },
            guardianRequests: try list(perCustomer) { try bodies(db, "guardian_request", GuardianRequest.self, ids: ids) },
            planCopies: try list(perCustomer) { try bodies(db, "plan_copy", PlanCopyRecord.self, ids: ids, order: "customer_id, id") },
            coverings: try list(opening) { try coverings(db, from: nil) },
            otherProgramServices: try list(perCustomer) {
                try bodies(db, "other_program_service", OtherProgramService.self, ids: ids, order: "customer_id, id")
            })
    }

    static func encode(_ export: DataExport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(export) + Data("\n".utf8)
    }

    /// Loads an export into this (empty) file. Everything is checked first;
    /// the first problem is reported with its record and field, and nothing
    /// is written unless everything is valid.
    /// Administrators of this file only: an import never makes anyone an
    /// administrator who was not one (staff already on the list keep their
    /// roles; the file must have its administrator from `careerplan init`).
    /// Returns the customers whose last contact or last service in the file
    /// disagreed with their notes and services: those days are derived
    /// again (CaseActivity), never taken from the file.
    @discardableResult
    public func importJSON(_ data: Data, by user: Staff?) throws -> [CustomerID] {
        try Self.permit(.exportData, by: user)
        return try importJSON(data)
    }

    @discardableResult
    func importJSON(_ data: Data) throws -> [CustomerID] {
        // The text checked first: its tree of the whole file is gone before the records' are made (the two at
        // once were most of an import's memory).
        try Self.refuseForbiddenText(in: data)
        var export = try Self.decode(data)
        try Self.validate(export)
        let rederived = Self.deriveActivity(&export, matrix: try ServicesMatrix.bundled(), today: today())
        try bulkLoad("import of \(export.customers.count) customers") { try write(export) }
        return rederived
    }

    /// Sets each customer's last contact and last service from the file's
    /// notes and latest plan version; returns those whose values changed.
    static func deriveActivity(_ export: inout DataExport, matrix: ServicesMatrix, today: Day) -> [CustomerID] {
        let notes = Dictionary(grouping: export.notes, by: \.customer)
        var plans: [CustomerID: PlanVersion] = [:]
        for v in export.planVersions where v.version > (plans[v.customer]?.version ?? 0) { plans[v.customer] = v }
        var changed: [CustomerID] = []
        for (i, c) in export.customers.enumerated() {
            let d = CaseActivity.derived(c, notes: notes[c.id] ?? [], plan: plans[c.id]?.plan, matrix: matrix, through: today)
            if d.lastContactOn != c.lastContactOn || d.lastServiceOn != c.lastServiceOn {
                export.customers[i] = d
                changed.append(c.id)
            }
        }
        return changed
    }

    private func write(_ export: DataExport) throws {
        try write { db in
            let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") ?? 0
            guard existing == 0 else { throw StoreError.notEmpty(path: path) }
            let logins = Set(try String.fetchAll(db, sql: "SELECT login FROM staff"))
            try Self.insert(staff: export.staff.filter { !logins.contains($0.login) }, db)
            for (key, value) in export.settings {
                try db.cached(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", arguments: [key, value])
            }
            try Self.insert(export.customers, db)
            for d in export.duplicateDecisions { try Self.insert(d, db) }
            for a in export.applications {
                try Self.upsert(a.answers, customer: a.customer, by: a.updatedBy, at: a.updatedAt, db)
            }
            for c in export.certifications { try Self.insert(c, db) }
            for a in export.amendments { try Self.insert(a, db) }
            try DocumentBodies.insert(export.documents, db)
            for s in export.screenings { try Self.insert(s, db) }
            for g in export.gsas { try Self.upsert(g, by: "import", at: timestamp(), db) }
            for a in export.assessments { try Self.insert(a, db, keepID: true) }
            for b in export.barriers { try Self.insert(b, db, keepID: true) }
            for c in export.barrierCorrections { try Self.insert(c, db) }
            for v in export.planVersions { try Self.insert(v, db) }
            for d in export.dismissals { try Self.insert(d, db) }
            for n in export.notes { _ = try Self.insert(n, db, keepID: true) }
            for r in export.referrals { _ = try Self.insert(r, db, keepID: true) }
            for o in export.outcomes { _ = try Self.insert(o, db, keepID: true) }
            for p in export.pauses { _ = try Self.insert(p, db, keepID: true) }
            for e in export.exits {
                try Self.insert(e, db)
            }
            for d in export.followUpDeclines { try Self.insert(d, db) }
            for s in export.signatures { try Self.insert(s, db) }
            for r in export.guardianRequests { try Self.insert(r, db) }
            for c in export.planCopies { try Self.insert(c, db) }
            for c in export.coverings { try Self.insert(c, at: timestamp(), db) }
            for s in export.otherProgramServices { _ = try Self.insert(s, db, keepID: true) }
        }
    }

    /// Checks an export without any data file: the import command runs this
    /// before it opens (and so creates) the target file.
    public static func checkImport(_ data: Data) throws {
        var seen = ImportCheck()
        try seen.check(data)
    }

    /// No string anywhere in an export may hold a full SSN or be over its
    /// limit (a crafted file is not typed through any form).
    static func refuseForbiddenText(in data: Data) throws {
        guard let value = try? JSONSerialization.jsonObject(with: data) else { return }
        if let (path, problem) = StoredText.firstProblem(inJSON: value) {
            throw StoreError.importRejected("\(path): \(problem)")
        }
    }

    static func decode(_ data: Data) throws -> DataExport {
        do {
            let export = try JSONDecoder().decode(DataExport.self, from: data)
            guard export.format == DataExport.formatName else {
                throw StoreError.importRejected("format is \"\(export.format)\", expected \"\(DataExport.formatName)\"")
            }
            guard export.version <= DataExport.currentVersion else {
                throw StoreError.importRejected("version \(export.version) is newer than this careerplan reads (\(DataExport.currentVersion))")
            }
            return export
        } catch let error as DecodingError {
            throw StoreError.importRejected(describe(error, in: data))
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.importRejected("not valid JSON: \(error)")
        }
    }

    static func validate(_ export: DataExport) throws {
        var seen = ImportCheck()
        try validate(export, &seen)
    }

    /// Checks `export` against itself and what `seen` holds of earlier pieces of the same export.
    static func validate(_ export: DataExport, _ seen: inout ImportCheck) throws {
        for (i, s) in export.staff.enumerated() {
            guard seen.logins.insert(s.login).inserted else {
                throw StoreError.importRejected("staff[\(i)] (\(s.login)): login appears twice")
            }
        }
        for (i, c) in export.customers.enumerated() {
            let record = "customers[\(i)] (\(c.id))"
            guard seen.customers.insert(c.id).inserted else { throw StoreError.importRejected("\(record): id appears twice") }
            if let p = c.problems.first { throw StoreError.importRejected("\(record).\(p.field): \(p.message)") }
            if let planner = c.planner, !seen.logins.contains(planner) {
                throw StoreError.importRejected("\(record).planner: \"\(planner)\" is not in staff")
            }
        }
        // Each record's id once per list, named, rather than SQLite's UNIQUE message.
        func unique(_ list: String, _ ids: [Int64]) throws {
            for (i, id) in ids.enumerated() where !seen.ids[list, default: []].insert(id).inserted {
                throw StoreError.importRejected("\(list)[\(i)].id: \(id) appears twice")
            }
        }
        try unique("notes", export.notes.map(\.id))
        try unique("referrals", export.referrals.map(\.id))
        try unique("outcomes", export.outcomes.map(\.id))
        try unique("pauses", export.pauses.map(\.id))
        try unique("assessments", export.assessments.map(\.id))
        try unique("barriers", export.barriers.map(\.id))
        try unique("signatures", export.signatures.map(\.id))
        try unique("otherProgramServices", export.otherProgramServices.map(\.id))
        func check(_ list: String, _ customers: [CustomerID]) throws {
            for (i, id) in customers.enumerated() where !seen.customers.contains(id) {
                throw StoreError.importRejected("\(list)[\(i)].customer: \(id) is not in customers")
            }
        }
        try check("duplicateDecisions", export.duplicateDecisions.map(\.customer))
        try check("applications", export.applications.map(\.customer))
        try check("certifications", export.certifications.map(\.customer))
        try check("amendments", export.amendments.map(\.customer))
        try check("documents", export.documents.map(\.customer))
        try check("screenings", export.screenings.map(\.customer))
        try check("gsas", export.gsas.map(\.customer))
        try check("assessments", export.assessments.map(\.customer))
        try check("barriers", export.barriers.map(\.customer))
        try check("planVersions", export.planVersions.map(\.customer))
        try check("dismissals", export.dismissals.map(\.customer))
        try check("notes", export.notes.map(\.customer))
        try check("referrals", export.referrals.map(\.customer))
        try check("outcomes", export.outcomes.map(\.customer))
        try check("pauses", export.pauses.map(\.customer))
        try check("exits", export.exits.map(\.customer))
        try check("followUpDeclines", export.followUpDeclines.map(\.customer))
        try check("signatures", export.signatures.map(\.customer))
        try check("guardianRequests", export.guardianRequests.map(\.customer))
        try check("planCopies", export.planCopies.map(\.customer))
        try check("otherProgramServices", export.otherProgramServices.map(\.customer))
        for (i, c) in export.coverings.enumerated() {
            for (field, login) in [("login", c.login), ("forLogin", c.forLogin)] where !seen.logins.contains(login) {
                throw StoreError.importRejected("coverings[\(i)].\(field): \"\(login)\" is not in staff")
            }
        }
        for (i, n) in export.notes.enumerated() {
            if let original = n.amends, !seen.ids["notes", default: []].contains(original) {
                throw StoreError.importRejected("notes[\(i)].amends: note \(original) is not in notes")
            }
        }
        for (i, v) in export.planVersions.enumerated() {
            guard v.version == (seen.lastVersion[v.customer] ?? 0) + 1 else {
                throw StoreError.importRejected("planVersions[\(i)].version: \(v.version) does not follow \(seen.lastVersion[v.customer] ?? 0)")
            }
            seen.lastVersion[v.customer] = v.version
        }
        for (i, c) in export.barrierCorrections.enumerated() where !seen.ids["barriers", default: []].contains(c.barrier) {
            throw StoreError.importRejected("barrierCorrections[\(i)].barrier: \(c.barrier) is not in barriers")
        }
        for (i, a) in export.applications.enumerated() {
            if let ssn = a.answers.ssnLast4, !SSN.isLast4(ssn) {
                throw StoreError.importRejected("applications[\(i)].answers.ssnLast4: only the last 4 digits may be stored")
            }
        }
    }

    /// "customers[3].birthDate: expected a date as YYYY-MM-DD, found ..."
    private static func describe(_ error: DecodingError, in data: Data) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { text, key in
                if let i = key.intValue { return text + "[\(i)]" }
                return text.isEmpty ? key.stringValue : text + "." + key.stringValue
            }
        }
        switch error {
        case .keyNotFound(let key, let ctx):
            return "\(path(ctx.codingPath + [key])): missing"
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx):
            return "\(path(ctx.codingPath)): \(ctx.debugDescription)"
        case .dataCorrupted(let ctx):
            return ctx.codingPath.isEmpty ? "not valid JSON" : "\(path(ctx.codingPath)): \(ctx.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

/// What an import check has seen so far: one export, or the pieces of one
/// in order (`exportPieces`), each checked against the earlier ones: staff
/// before the customers they plan for, customers before their records,
/// every record's id once across all pieces.
public struct ImportCheck {
    var logins = Set<String>()
    var customers = Set<CustomerID>()
    /// Record ids by list.
    var ids: [String: Set<Int64>] = [:]
    var lastVersion: [CustomerID: Int] = [:]

    public init() {}

    /// Refuses a piece (or a whole export) that is not valid after those checked before it.
    public mutating func check(_ data: Data) throws {
        try CaseloadStore.refuseForbiddenText(in: data)
        try CaseloadStore.validate(CaseloadStore.decode(data), &self)
    }
}
