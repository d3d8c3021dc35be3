import Domain
import Foundation
import Synthetic
import Testing
@testable import Store

/// Record bodies are written by `RecordJSON`, not Foundation's JSONEncoder,
/// and must be the same bytes: stored bodies are compared, hashed into the
/// audit chain and exported beside those Foundation wrote.
@Suite final class RecordJSONTests {
    let dir = temporaryDirectory()
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    /// The same bytes as Foundation, written here (not handed to Foundation).
    private func same(_ value: some Encodable, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let direct = try #require(try RecordJSON.direct(value), "written by Foundation instead", sourceLocation: sourceLocation)
        #expect(direct == (try RecordJSON.foundation(value)), sourceLocation: sourceLocation)
    }

    @Test func everyRecordOfASyntheticCaseloadIsWrittenAsFoundationWritesIt() throws {
        let store = try seededStore(at: dir + "/r.sqlite", customers: 400)
        let export = try store.pool.read { db in try CaseloadStore.export(db, .whole) }
        #expect(export.customers.count == 400)
        try same(export)
        // Each record on its own too, as the store writes them (the whole export is one object of lists).
        for plan in export.planVersions { try same(plan.plan) }
        for note in export.notes { try same(note) }
        for application in export.applications { try same(application) }
        for g in export.gsas { try same(g) }
    }

    @Test func stringsOfEveryKindAreEscapedAsFoundationEscapesThem() throws {
        // Every ASCII character alone, then random strings of ASCII, controls, accents, CJK, emoji and combining marks.
        for byte in 0..<128 { try same(String(UnicodeScalar(UInt8(byte)))) }
        let pool: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
            + ["é", "ñ", "Ö", "中", "文", "😀", "👩‍👧", "e\u{301}", "\u{2028}", "\u{2029}", "\u{7F}", "\u{FEFF}", "/", "\\", "\""]
        var rng = SplitMix(seed: 20261207)
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...24, using: &rng)).map { _ in pool.randomElement(using: &rng)! }.joined()
            let key = (0..<Int.random(in: 0...6, using: &rng)).map { _ in pool.randomElement(using: &rng)! }.joined()
            try same(text)
            // As a dictionary's keys too: sorted by their UTF-8 bytes.
            try same(Dictionary([(key, text), (text, key), (key + "a", "b"), ("A" + key, "c")], uniquingKeysWith: { a, _ in a }))
        }
    }

    @Test func numbersNestingAndEmptinessAreWrittenAsFoundationWritesThem() throws {
        try same([0.0, -0.0, 1.5, 20, -3, 1e21, 1e-7, 0.1 + 0.2, Double.greatestFiniteMagnitude, Double.leastNonzeroMagnitude])
        try same([Int.min, Int.max, 0])
        try same(Sample(whole: Int64.max, small: -8, unsigned: UInt64.max, flag: false, maybe: nil, list: [nil, "x", nil],
                        nested: [[:], ["z": [1, 2]], ["b": [], "a": [3]]], choice: .both(left: 1, right: "r"), plain: .none))
        try same([String: Int]())
        try same([String]())
        try same(Sample.Choice.none)
        try same(try #require(Day(year: 2026, month: 12, day: 7)))
        try same([CustomerID(42): "keyed by a type of our own"])
    }

    /// Where the bytes could differ, Foundation writes them (and the result is still Foundation's).
    @Test func whatFoundationWritesItsOwnWayIsHandedToIt() throws {
        let unusual: [any Encodable] = [
            Date(timeIntervalSince1970: 0), Data([1, 2, 3]), URL(string: "https://example.org/a")!, Decimal(string: "1.25")!,
            Float(1.5), TwiceKeyed(), WritesNothing(), InterleavedContainers(),
        ]
        func handed<T: Encodable>(_ value: T) throws {
            // Inside a record, as a body would hold it (Foundation refuses some of them alone).
            let record = ["inside": value]
            #expect(try RecordJSON.direct(record) == nil, "\(T.self)")
            #expect(try RecordJSON.encode(record) == RecordJSON.foundation(record), "\(T.self)")
        }
        for value in unusual { try handed(value) }
        // A number JSON cannot hold is refused as Foundation refuses it.
        #expect(throws: EncodingError.self) { try RecordJSON.encode(["n": Double.nan]) }
    }
}

private struct Sample: Encodable {
    enum Choice: Encodable { case none, both(left: Int, right: String) }
    var whole: Int64
    var small: Int8
    var unsigned: UInt64
    var flag: Bool
    var maybe: String?
    var list: [String?]
    var nested: [[String: [Int]]]
    var choice: Choice
    var plain: Choice
}

/// The same key twice: Foundation keeps the last; this writer does not guess.
private struct TwiceKeyed: Encodable {
    enum K: CodingKey { case a }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: K.self)
        try c.encode(1, forKey: .a)
        try c.encode(2, forKey: .a)
    }
}

private struct WritesNothing: Encodable {
    func encode(to encoder: any Encoder) throws {}
}

/// A nested container written to after its parent went on to the next key.
private struct InterleavedContainers: Encodable {
    enum K: CodingKey { case first, second }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: K.self)
        var inner = c.nestedUnkeyedContainer(forKey: .first)
        try c.encode(2, forKey: .second)
        try inner.encode(1)
    }
}
