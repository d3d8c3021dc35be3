import Foundation
@testable import PostgresStore
import Testing

/// `migrate` sends each record as the file's bytes: the scan must find
/// exactly the records a JSON parser finds, whatever their strings hold.
struct ExportScanTests {
    @Test func eachRecordIsTheBytesAParserFinds() throws {
        let text = #"""
            { "format" : "careerplan-export", "version": 11,
              "notes": [ {"text": "a \"quoted\" [bracket] {brace}, and a back\\slash\\"}, {"n": -1.5e3, "ok": true},
                         {"nested": [[], {}, [1, [2]]], "none": null} ],
              "staff": [], "settings": {"a": "}"} }
            """#
        let scan = try ExportScan(Data(text.utf8))
        #expect(scan.text("format") == "\"careerplan-export\"")
        #expect(scan.text("settings") == #"{"a": "}"}"#)
        #expect(try scan.records("staff").isEmpty)
        #expect(try scan.records("absent").isEmpty)
        let notes = try scan.records("notes")
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        #expect(notes.count == (parsed["notes"] as! [Any]).count)
        for (range, record) in zip(notes, parsed["notes"] as! [Any]) {
            let one = try JSONSerialization.jsonObject(with: Data(scan.bytes[range]))
            #expect(NSArray(array: [one]) == NSArray(array: [record]))
        }
        let all = try JSONSerialization.jsonObject(with: Data(scan.array(notes[...]).utf8)) as! [Any]
        #expect(NSArray(array: all) == NSArray(array: parsed["notes"] as! [Any]))
    }

    @Test func malformedExportsAreRefusedNotMisread() {
        for text in ["", "[]", #"{"notes": [1, 2"#, #"{"notes": "unterminated}"#, #"{"notes" [1]}"#, #"{"notes": [1 2]}"#] {
            #expect(throws: ExportScan.Malformed.self, "\(text)") {
                let scan = try ExportScan(Data(text.utf8))
                _ = try scan.records("notes")
            }
        }
    }
}
