import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// The audit trail is written by SQLite triggers, so every write through
/// any path records who, when, and each field's old and new value.
@Suite final class AuditTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    let planner = Staff(login: "wchen", name: "陈伟 Wei Chen", initials: "WC", role: .planner)
    let colleague = Staff(login: "mrivera", name: "María Rivera", initials: "MR", role: .planner)
    let supervisor = Staff(login: "asantos", name: "Ana Santos", initials: "AS", role: .supervisor)

    @Test func everyWriteRecordsWhoWhenAndWhatChanged() throws {
        let path = dir + "/a.sqlite"
        let mine = try seededStore(at: path, customers: 12)
        let before = try mine.audit(customer: CustomerID(10), by: supervisor)
        // The synthetic caseload is one bulk-load entry, not one per row.
        #expect(before.isEmpty)
        #expect(try mine.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit WHERE customer_id IS NOT NULL") } == 0)
        #expect(try mine.pool.read { db in try String.fetchAll(db, sql: "SELECT new FROM audit WHERE entity = 'data file'") }
                == ["synthetic caseload: customers 1 to 12"])

        let wchen = try CaseloadStore(path: path, actor: "wchen")
        let maria = try CaseloadStore(path: path, actor: "mrivera", today: { testToday })
        // Customer 10 is Wei Chen's: María covers his caseload this week.
        try mine.cover(Covering(login: "mrivera", forLogin: "wchen", from: testToday, until: testToday.adding(days: 6),
                                reason: "leave", grantedBy: ""), by: supervisor)
        try wchen.addNote(CaseNote(id: 0, customer: CustomerID(10), kind: .contact, eventOn: testToday, enteredOn: testToday,
                                   author: "", text: "called", channel: .phone, twoWay: true), by: planner)
        let r = try Referral.checked(["partner": "housing", "sentOn": "2026-11-20", "reason": "rent"], customer: CustomerID(10),
                                           by: "", today: testToday).get()
        let sent = try maria.addReferral(r, by: colleague)
        try wchen.updateReferral(sent, with: ["status": "accepted", "on": "2026-11-22"], by: planner, today: testToday)

        let newestFirst = try mine.audit(customer: CustomerID(10), by: supervisor)
        let trail = Array(newestFirst.reversed())
        #expect(newestFirst.first?.entity == "referral" && newestFirst.first?.action == "update")
        #expect(trail[1].line.hasSuffix(" wchen changed customer C000010"))
        #expect(trail.map { "\($0.login) \($0.action) \($0.entity)" }
                == ["wchen insert case_note", "wchen update customer", "mrivera insert referral", "wchen update referral"])
        #expect(trail[1].changes == [FieldChange(field: "last_contact_on", old: "2026-11-16", new: "2026-11-23")])
        #expect(trail[0].changes.contains(FieldChange(field: "body.text", old: "—", new: "called")))
        #expect(trail[3].changes.contains(FieldChange(field: "body.status", old: "sent", new: "accepted")))
        #expect(throws: StoreError.notPermitted(login: "wchen", role: "Career planner", action: "read the audit trail")) {
            try mine.audit(customer: CustomerID(10), by: self.planner)
        }
        // The trail itself is never rewritten.
        #expect(throws: (any Error).self) { try mine.pool.write { db in try db.execute(sql: "UPDATE audit SET login = 'x'") } }
    }

    /// A customer's documents are one list (v35-document-bodies): one added in the middle is that document's
    /// change in the trail, labelled by its item, not a shift of every document after it.
    @Test func aDocumentAddedToTheListIsItsOwnChange() throws {
        let path = dir + "/d.sqlite"
        let mine = try seededStore(at: path, customers: 40)
        let documents = Dictionary(grouping: try mine.pool.read { db in try CaseloadStore.documents(db) }, by: \.customer)
        let (customer, held) = try #require(documents.sorted { $0.key < $1.key }.first { _, list in
            let items = Set(list.map(\.item))
            return items.contains("age") && items.contains("right-to-work") && !items.contains("low-income")
        })
        let login = try #require(try mine.customer(customer)?.planner)
        let writer = try CaseloadStore(path: path, actor: login, today: { testToday })
        let added = EligibilityDocument(customer: customer, item: "low-income", documentType: "pay stubs", seenOn: testToday,
                                        recordedBy: login)
        try writer.recordDocument(added, by: Staff(login: login, name: "Planner", initials: "P", role: .planner))
        #expect(try writer.pool.read { db in try CaseloadStore.documents(db, customer: customer) }.count == held.count + 1)
        let entry = try #require(try mine.audit(customer: customer, by: supervisor).first)
        #expect(entry.entity == "eligibility_document" && entry.action == "update")
        #expect(entry.changes == [
            FieldChange(field: "body[low-income].customer", old: "—", new: customer.description),
            FieldChange(field: "body[low-income].documentType", old: "—", new: "pay stubs"),
            FieldChange(field: "body[low-income].item", old: "—", new: "low-income"),
            FieldChange(field: "body[low-income].recordedBy", old: "—", new: login),
            FieldChange(field: "body[low-income].seenOn", old: "—", new: testToday.description),
        ])
    }

    /// Every table's triggers hand their row to the `audit_entry` view, whose one trigger stamps, signs and
    /// chains it: an update that changed nothing is no entry, and the time and login are never the row's.
    @Test func theEntryViewStampsAndChainsEveryTablesRows() throws {
        let path = dir + "/e.sqlite"
        try seededStore(at: path, customers: 3).close()
        let store = try CaseloadStore(path: path, actor: "asantos")
        func entries() throws -> Int { try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit") ?? 0 } }
        let before = try entries()
        try store.pool.write { db in try db.execute(sql: "UPDATE customer SET phone = phone WHERE id = 1") }
        #expect(try entries() == before)
        try store.pool.write { db in try db.execute(sql: "UPDATE customer SET phone = '312-555-0101' WHERE id = 1") }
        let last = try #require(try store.pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM audit ORDER BY id DESC LIMIT 1") })
        #expect(try entries() == before + 1)
        #expect(last["login"] as String == "asantos" && last["entity"] as String == "customer" && last["action"] as String == "update")
        #expect((last["at"] as String).hasSuffix("Z") && last["prev_hash"] as String? != nil)
        #expect(try store.verifyAudit(by: supervisor).problem == nil)
    }

    @Test func aWriterThatDoesNotNameItselfIsRefused() throws {
        let path = dir + "/b.sqlite"
        try seededStore(at: path, customers: 3).close()
        let raw = try DatabaseQueue(path: path)
        #expect(throws: (any Error).self) {
            try raw.write { db in try db.execute(sql: "UPDATE customer SET phone = '312-555-0000' WHERE id = 1") }
        }
    }
}
