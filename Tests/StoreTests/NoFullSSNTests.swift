import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// No full Social Security number anywhere: not in the data file's bytes,
/// not in the export, the reports, the audit trail or a customer's copy,
/// even after someone tried to type one into every free-text place.
@Suite final class NoFullSSNTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    /// Nine digits in a row (not inside a hex digest) or 3-2-4 with dashes, dots or spaces.
    static func holdsSSN(_ text: String) -> Bool {
        text.range(of: #"(?<![0-9a-fA-F])[0-9]{9}(?![0-9a-fA-F])|(?<![0-9])[0-9]{3}[-. ][0-9]{2}[-. ][0-9]{4}(?![0-9])"#,
                   options: .regularExpression) != nil
    }

    static let spellings = ["123-45-6789", "123.45.6789", "123 45 6789", "123456789"]

    /// In the file's raw bytes the columns of a row run together (a ZIP then a
    /// birth year reads as nine digits), so there only the written form counts.
    static func holdsWrittenSSN(_ text: String) -> Bool {
        text.range(of: #"(?<![0-9])[0-9]{3}-[0-9]{2}-[0-9]{4}(?![0-9])"#, options: .regularExpression) != nil
    }

    @Test func theScannerFindsOne() {
        for ssn in Self.spellings {
            #expect(Self.holdsSSN("ssn \(ssn) here"), "\(ssn)")
            #expect(SSN.containsFull("ssn \(ssn) here") && SSN.containsFull(ssn), "\(ssn)")
        }
        for fine in ["312-555-0101 and C000042 and 2026-11-23", "3125550101", "1234-5678", "12.45.6789", "v1.2.3",
                     String(repeating: "ab", count: 8) + "123456789" + String(repeating: "cd", count: 12)] {
            #expect(!Self.holdsSSN(fine) || fine.count > 32, "\(fine)")
            #expect(!SSN.containsFull(fine), "\(fine)")
        }
    }

    /// The Store refuses one in any record, whichever write path and field
    /// (the audit trail holds every row a write made, and is scanned).
    @Test func theStoreRefusesOneInEveryRecord() throws {
        let store = try seededStore(at: dir + "/refuse.sqlite", customers: 24)
        let planner = Staff(login: "root", name: "Root", initials: "R", role: .administrator)
        let version = try #require(try store.plan(for: CustomerID(16)))
        for ssn in Self.spellings {
            var plan = version.plan
            plan.goals[0].text = "work in payroll, SSN \(ssn)"
            do {
                try store.savePlan(plan, over: version.version, by: planner, today: testToday, matrix: try ServicesMatrix.bundled(),
                                   reason: "more detail")
                Issue.record("a plan holding \(ssn) was saved")
            } catch {
                #expect("\(error)".contains("body.goals[0].text: \(SSN.problem)"), "\(error)")
            }
            #expect(throws: StoreError.self) {
                try store.addBarrier(["kind": "transportation", "description": "ssn \(ssn)", "plan": "bus pass",
                                      "identifiedOn": "2026-11-20"], for: CustomerID(16), by: planner, today: testToday)
            }
        }
        #expect(try store.plan(for: CustomerID(16))?.version == version.version)
        // A crafted import holding one anywhere is refused before anything is written.
        var json = try JSONSerialization.jsonObject(with: try store.exportJSON()) as! [String: Any]
        var customers = json["customers"] as! [[String: Any]]
        customers[3]["legalName"] = "Ann 123 45 6789"
        json["customers"] = customers
        let crafted = try JSONSerialization.data(withJSONObject: json)
        #expect(throws: StoreError.importRejected("customers[3].legalName: \(SSN.problem)")) { try CaseloadStore.checkImport(crafted) }
    }

    @Test func noFullSSNAnywhereAfterEveryAttempt() throws {
        let path = dir + "/ssn.sqlite"
        let store = try seededStore(at: path, customers: 48)
        let ssn = "123-45-6789"
        // Every free-text place refuses it or masks it.
        let form = NoteTemplate.problems(["eventOn": "2026-11-20", "text": "SSN \(ssn)"], kind: .general, links: [], today: testToday)
        #expect(form["text"] != nil)
        try store.saveDraft(["text": "SSN \(ssn)", "other": "123456789"], customer: CustomerID(10), form: "x")
        let copy = try #require(try store.customerCopy(for: CustomerID(16), today: testToday, language: nil, matrix: try .bundled()))
        var outputs = [copy.text, copy.html, copy.markdown]
        outputs.append(String(decoding: try store.exportJSON(), as: UTF8.self))
        outputs.append(DeadlineReport(facts: try store.clockFacts(planner: nil), asOf: testToday, settings: .illinois).json)
        outputs.append(QualityReport(facts: try store.qualityFacts(planner: nil, by: testAdmin, asOf: testToday, matrix: try ServicesMatrix.bundled()), asOf: testToday).csv)
        let supervisor = Staff(login: "asantos", name: "Ana Santos", initials: "AS", role: .supervisor)
        outputs += try (1...48).flatMap { try store.audit(customer: CustomerID(Int64($0)), by: supervisor).map { "\($0)" } }
        for (i, out) in outputs.enumerated() { #expect(!Self.holdsSSN(out), "output \(i) holds a full SSN") }
        try store.close()
        for file in [path, path + "-wal"] {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            #expect(!Self.holdsWrittenSSN(String(decoding: data, as: UTF8.self)), "\(file) holds a full SSN")
        }
    }
}
