import Domain
import Foundation
import GRDB
import Synchronization

/// Whole cases made ready for a bulk load before the file takes them: their
/// records numbered and their bodies encoded, and packed once the file has
/// its dictionaries (issue 28: encoding and packing were a quarter of
/// seeding's time, on the one core the file's writer uses). `LoadAhead`
/// makes the next batch's on the other core while the file writes this one.
public struct PreparedCases: Sendable {
    /// The cases with their assessments, notes, referrals, outcomes, signatures and other programs' services numbered.
    let cases: [CaseRecords]
    /// Each case's bodies as they are to be written (nil: encoded as it is written).
    let bodies: [CaseBodies]
    /// Each customer's search terms (their words in the name index).
    let terms: [[String]]
    /// The numbers the first of each record kind was given: the file must give the same, or they are numbered again.
    let first: RecordNumbers

    /// The cases numbered from `first` and their bodies encoded; packed where `packer` has the table's dictionary.
    init(_ cases: [CaseRecords], numberedFrom first: RecordNumbers, packer: BodyPacker? = nil) {
        var next = first
        var numbered: [CaseRecords] = []
        var bodies: [CaseBodies] = []
        numbered.reserveCapacity(cases.count)
        bodies.reserveCapacity(cases.count)
        for c in cases {
            var c = c
            next.number(&c)
            numbered.append(c)
            bodies.append(CaseBodies(c, packer: packer))
        }
        self.cases = numbered
        self.bodies = bodies
        terms = cases.map(\.customer.searchTerms)
        self.first = first
    }

    /// The numbers the records after these get.
    var next: RecordNumbers {
        var next = first
        for c in cases { next.count(c) }
        return next
    }
}

/// The next id of each kind of record a load numbers itself (each record's
/// body holds its id, so it is numbered before it is encoded).
struct RecordNumbers: Equatable, Sendable {
    var assessment: Int64 = 1
    var note: Int64 = 1
    var referral: Int64 = 1
    var outcome: Int64 = 1
    var signature: Int64 = 1
    var otherService: Int64 = 1

    /// What the file gives next.
    init(next db: Database) throws {
        assessment = try CaseloadStore.nextID("assessment", db)
        note = try CaseloadStore.nextID("case_note", db)
        referral = try CaseloadStore.nextID("referral", db)
        outcome = try CaseloadStore.nextID("outcome", db)
        signature = try CaseloadStore.nextID("signature", db)
        otherService = try CaseloadStore.nextID("other_program_service", db)
    }

    /// Numbers one case's records in the order a load writes them.
    mutating func number(_ c: inout CaseRecords) {
        for i in c.assessments.indices { c.assessments[i].id = take(&assessment) }
        for i in c.work.notes.indices { c.work.notes[i].id = take(&note) }
        for i in c.work.referrals.indices { c.work.referrals[i].id = take(&referral) }
        for i in c.work.outcomes.indices { c.work.outcomes[i].id = take(&outcome) }
        for i in c.work.signatures.indices { c.work.signatures[i].id = take(&signature) }
        for i in c.work.otherServices.indices { c.work.otherServices[i].id = take(&otherService) }
    }

    mutating func count(_ c: CaseRecords) {
        assessment += Int64(c.assessments.count)
        note += Int64(c.work.notes.count)
        referral += Int64(c.work.referrals.count)
        outcome += Int64(c.work.outcomes.count)
        signature += Int64(c.work.signatures.count)
        otherService += Int64(c.work.otherServices.count)
    }

    private func take(_ counter: inout Int64) -> Int64 {
        defer { counter += 1 }
        return counter
    }
}

/// One case's bodies, each as its table stores it: packed, or JSON text for the file's function to pack.
struct CaseBodies: Sendable {
    var application: DatabaseValue?
    var gsa: DatabaseValue?
    var assessments: [DatabaseValue?]
    var plan: DatabaseValue?
    var notes: [DatabaseValue?]
    var referrals: [DatabaseValue?]
    var outcomes: [DatabaseValue?]
    var signatures: [DatabaseValue?]
    var guardianRequest: DatabaseValue?
    var copies: [DatabaseValue?]
    var otherServices: [DatabaseValue?]
    var exit: DatabaseValue?

    init(_ c: CaseRecords, packer: BodyPacker?) {
        // A body that cannot be encoded here is left to the write, which says why.
        func body(_ value: (some Encodable)?, _ table: String) -> DatabaseValue? {
            guard let value, let json = try? CaseloadStore.encodeJSON(value) else { return nil }
            return packer?.pack(json, table: table) ?? json.databaseValue
        }
        application = body(c.application, "application")
        gsa = body(c.gsa, "gsa")
        assessments = c.assessments.map { body($0, "assessment") }
        // A plan's one body is every version's (the current plan is read from its version).
        plan = c.customer.enrolledOn == nil ? nil : body(c.plan, "plan_version")
        notes = c.work.notes.map { body($0, "case_note") }
        referrals = c.work.referrals.map { body($0, "referral") }
        outcomes = c.work.outcomes.map { body($0, "outcome") }
        signatures = c.work.signatures.map { body($0, "signature") }
        guardianRequest = body(c.work.guardianRequest, "guardian_request")
        copies = c.work.copies.map { body($0, "plan_copy") }
        otherServices = c.work.otherServices.map { body($0, "other_program_service") }
        exit = body(c.work.exit, "exit_record")
    }
}

/// Prepares a load's batches on another thread, in order, while the file
/// writes the one before: it numbers them on from the last batch, and packs
/// them with the dictionaries the file has learned so far (most from its first batch), handed
/// over by the writer.
public final class LoadAhead: Sendable {
    private struct Progress {
        var next: RecordNumbers
        var packer: BodyPacker?
        /// How many dictionaries the file had when `packer` was made from them.
        var packerLearned = 0
    }

    /// The file's dictionaries as the writer last saw them: how many it had learned, each table's newest.
    private struct Learned {
        var count = 0
        var newest: [String: Data] = [:]
    }

    /// Touched by the preparing thread only, one batch at a time (the mutex says so to the compiler).
    private let progress: Mutex<Progress>
    /// The newest dictionary of each table the writer has seen (none until a load learns them).
    private let dictionaries = Mutex(Learned())

    public init(for store: CaseloadStore) throws {
        progress = Mutex(Progress(next: try store.read { try RecordNumbers(next: $0) }))
    }

    /// The next batch, numbered on from the one before.
    public func prepare(_ cases: [CaseRecords]) -> PreparedCases {
        let handed = dictionaries.withLock { $0 }
        return progress.withLock { p in
            if handed.count > p.packerLearned {
                p.packer = BodyPacker(handed.newest)
                p.packerLearned = handed.count
            }
            let prepared = PreparedCases(cases, numberedFrom: p.next, packer: p.packer)
            p.next = prepared.next
            return prepared
        }
    }

    /// After each write, on the writer's thread: the file's dictionaries, whenever it has learned more (a table
    /// with few bodies learns from a later batch than the first; until the next batch is made with its
    /// dictionary, the file's writer packs that table's bodies itself).
    public func wrote(_ store: CaseloadStore) throws {
        let held = dictionaries.withLock { $0.count }
        let learned = try store.read { db -> Learned? in
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM body_dictionary") ?? 0
            return count == held ? nil : Learned(count: count, newest: try BodyPacker.newestDictionaries(db))
        }
        if let learned { dictionaries.withLock { $0 = learned } }
    }
}
