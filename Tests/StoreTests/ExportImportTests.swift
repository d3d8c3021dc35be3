import Domain
import Foundation
import Testing
@testable import Store

/// Each test gets its own directory, removed when the test ends.
@Suite final class ExportImportTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    @Test func exportImportExportIsIdentical() throws {
        let first = try seededStore(at: dir + "/a.sqlite").exportJSON()
        let copy = try CaseloadStore(path: dir + "/b.sqlite")
        try copy.importJSON(first)
        let second = try copy.exportJSON()
        #expect(second == first)
        #expect(try copy.count(.init()) == 48)
        #expect(try copy.count(.init(search: "C000007")) == 1)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("\"format\" : \"careerplan-export\""))
    }

    /// A file cannot move a clock by stating a last contact or last service
    /// its notes and services do not show: both are derived on import.
    @Test func anImportDerivesTheLastContactAndLastServiceWhateverTheFileSays() throws {
        let store = try seededStore(at: dir + "/a.sqlite")
        var json = try JSONSerialization.jsonObject(with: store.exportJSON()) as! [String: Any]
        let customers = json["customers"] as! [[String: Any]]
        let index = try #require(customers.firstIndex { $0["lastContactOn"] != nil && $0["exitedOn"] == nil })
        let id = try #require(CustomerID(parsing: customers[index]["id"] as! String))
        let truth = try #require(try store.customer(id))
        editCustomer(index, &json) { $0["lastContactOn"] = "2026-11-22"; $0["lastServiceOn"] = "2026-11-21" }
        let copy = try CaseloadStore(path: dir + "/b.sqlite")
        let rederived = try copy.importJSON(JSONSerialization.data(withJSONObject: json))
        #expect(rederived == [id])
        let imported = try #require(try copy.customer(id))
        #expect(imported.lastContactOn == truth.lastContactOn && imported.lastServiceOn == truth.lastServiceOn)
        #expect(imported.lastContactOn != Day(parsing: "2026-11-22"))
    }

    func rejected(_ mutate: (inout [String: Any]) -> Void) throws -> (String, Int) {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var json = try JSONSerialization.jsonObject(with: seededStore(at: dir + "/a.sqlite").exportJSON()) as! [String: Any]
        mutate(&json)
        let data = try JSONSerialization.data(withJSONObject: json)
        let target = try CaseloadStore(path: dir + "/b.sqlite")
        var message = ""
        do { try target.importJSON(data) } catch { message = "\(error)" }
        return (message, try target.count(.init()) + (try target.staff().count))
    }

    func editCustomer(_ index: Int, _ json: inout [String: Any], _ change: (inout [String: Any]) -> Void) {
        var customers = json["customers"] as! [[String: Any]]
        change(&customers[index])
        json["customers"] = customers
    }

    @Test func aBadDateNamesTheRecordAndFieldAndWritesNothing() throws {
        let (message, written) = try rejected { editCustomer(3, &$0) { $0["birthDate"] = "31/02/1990" } }
        #expect(message.contains("customers[3].birthDate"))
        #expect(message.contains("nothing was written"))
        #expect(written == 0)
    }

    @Test func anInvalidZIPNamesTheRecordAndField() throws {
        let (message, written) = try rejected { editCustomer(5, &$0) { $0["zip"] = "606" } }
        #expect(message.contains("customers[5] (C000006).zip"))
        #expect(written == 0)
    }

    @Test func aMissingFieldAndAnUnknownPlannerAreNamed() throws {
        let (missing, _) = try rejected { editCustomer(0, &$0) { $0.removeValue(forKey: "legalName") } }
        #expect(missing.contains("customers[0].legalName: missing"))
        let (planner, written) = try rejected { editCustomer(2, &$0) { $0["planner"] = "ghost" } }
        #expect(planner.contains("customers[2] (C000003).planner"))
        #expect(written == 0)
    }

    @Test func aDuplicateIDAndAForeignFormatAreRejected() throws {
        let (dup, _) = try rejected { editCustomer(1, &$0) { $0["id"] = "C000001" } }
        #expect(dup.contains("customers[1] (C000001): id appears twice"))
        let (format, _) = try rejected { $0["format"] = "something-else" }
        #expect(format.contains("format is \"something-else\""))
    }

    @Test func importRefusesAFileThatAlreadyHoldsCustomers() throws {
        let store = try seededStore(at: dir + "/a.sqlite", customers: 2)
        #expect(throws: StoreError.notEmpty(path: dir + "/a.sqlite")) { try store.importJSON(try store.exportJSON()) }
    }
}

/// Imports that would once have reached SQLite's own errors or grown the file
/// without bound are refused by record and field, and nothing is written.
@Suite final class ImportLimitsTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    func export(_ change: (inout [String: Any]) -> Void) throws -> Data {
        let store = try seededStore(at: dir + "/source-\(UUID().uuidString).sqlite", customers: 24)
        var json = try JSONSerialization.jsonObject(with: try store.exportJSON()) as! [String: Any]
        change(&json)
        return try JSONSerialization.data(withJSONObject: json)
    }

    @Test func anOverLongValueIsNamedByRecordAndField() throws {
        let data = try export { json in
            var customers = json["customers"] as! [[String: Any]]
            customers[2]["legalName"] = String(repeating: "A", count: 10_000_000)
            json["customers"] = customers
        }
        #expect(throws: StoreError.importRejected("customers[2].legalName: at most 200 characters (this has 10000000)")) {
            try CaseloadStore.checkImport(data)
        }
        let target = try CaseloadStore(path: dir + "/target.sqlite")
        #expect(throws: StoreError.self) { try target.importJSON(data, by: testAdmin) }
        #expect(try target.count(.init()) == 0)
    }

    @Test func aDuplicateIDIsNamed() throws {
        let data = try export { json in
            var notes = json["notes"] as! [[String: Any]]
            notes[5]["id"] = notes[1]["id"]
            json["notes"] = notes
        }
        let message = "\((#expect(throws: StoreError.self) { try CaseloadStore.checkImport(data) })!)"
        #expect(message.contains("notes[5].id:") && message.contains("appears twice"), "\(message)")
    }

    @Test func theStoreRefusesOverLongTextFromAnyPath() throws {
        let store = try seededStore(at: dir + "/long.sqlite", customers: 24)
        #expect(throws: StoreError.self) {
            try store.addBarrier(["kind": "transportation", "description": String(repeating: "x", count: TextLimits.long + 1),
                                  "plan": "bus pass", "identifiedOn": "2026-11-20"], for: CustomerID(16), by: testAdmin, today: testToday)
        }
        let fits = try store.addBarrier(["kind": "transportation", "description": String(repeating: "x", count: TextLimits.long),
                                         "plan": "bus pass", "identifiedOn": "2026-11-20"], for: CustomerID(16), by: testAdmin, today: testToday)
        #expect(fits.description.count == TextLimits.long)
    }
}
