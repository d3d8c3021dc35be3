import Foundation

/// An export's top level read without parsing its records: each list's
/// records as the bytes the file holds them in. `migrate` sends them on as
/// they are (the server parses each record once, and compares what it
/// keeps with what it was sent), so a state's caseload is never held as
/// Foundation objects (about 11 GB for 100,000 customers) nor written out
/// again record by record.
struct ExportScan {
    let bytes: [UInt8]
    /// Each top-level key and where its value's bytes are.
    private(set) var values: [String: Range<Int>] = [:]

    struct Malformed: Error, CustomStringConvertible {
        let at: Int
        var description: String { "not a careerplan export: malformed JSON near byte \(at)" }
    }

    init(_ data: Data) throws {
        bytes = [UInt8](data)
        var i = skipSpace(0)
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { throw Malformed(at: i) }
        i = skipSpace(i + 1)
        while i < bytes.count, bytes[i] != UInt8(ascii: "}") {
            guard bytes[i] == UInt8(ascii: "\"") else { throw Malformed(at: i) }
            let keyEnd = try endOfString(i)
            let key = String(decoding: bytes[(i + 1)..<(keyEnd - 1)], as: UTF8.self)
            i = skipSpace(keyEnd)
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw Malformed(at: i) }
            let start = skipSpace(i + 1)
            let end = try endOfValue(start)
            values[key] = start..<end
            i = skipSpace(end)
            if i < bytes.count, bytes[i] == UInt8(ascii: ",") { i = skipSpace(i + 1) }
        }
        guard i < bytes.count else { throw Malformed(at: i) }
    }

    /// The text of one top-level value, as the file has it.
    func text(_ key: String) -> String? { values[key].map { String(decoding: bytes[$0], as: UTF8.self) } }

    /// The records of one top-level list, each its bytes' range; none when the export has no such list.
    func records(_ key: String) throws -> [Range<Int>] {
        guard let range = values[key] else { return [] }
        guard bytes[range.lowerBound] == UInt8(ascii: "[") else { throw Malformed(at: range.lowerBound) }
        var found: [Range<Int>] = []
        var i = skipSpace(range.lowerBound + 1)
        while i < range.upperBound - 1 {
            let end = try endOfValue(i)
            found.append(i..<end)
            i = skipSpace(end)
            if bytes[i] == UInt8(ascii: ",") { i = skipSpace(i + 1) } else if i != range.upperBound - 1 { throw Malformed(at: i) }
        }
        return found
    }

    /// Records as one JSON array, for a statement's parameter.
    func array(_ records: ArraySlice<Range<Int>>) -> String {
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(records.reduce(2) { $0 + $1.count + 1 })
        for (n, r) in records.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: bytes[r])
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    private func skipSpace(_ from: Int) -> Int {
        var i = from
        while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 }
        return i
    }

    /// Past the closing quote of the string that opens at `start`.
    private func endOfString(_ start: Int) throws -> Int {
        var i = start + 1
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\\"): i += 2
            case UInt8(ascii: "\""): return i + 1
            default: i += 1
            }
        }
        throw Malformed(at: start)
    }

    /// Past the value that starts at `start`: a string, an object or array (strings inside skipped whole), or a scalar.
    private func endOfValue(_ start: Int) throws -> Int {
        guard start < bytes.count else { throw Malformed(at: start) }
        switch bytes[start] {
        case UInt8(ascii: "\""):
            return try endOfString(start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var i = start
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "\""): i = try endOfString(i); continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return i + 1 }
                default: break
                }
                i += 1
            }
            throw Malformed(at: start)
        default:
            var i = start
            while i < bytes.count, !Self.isSpace(bytes[i]), bytes[i] != UInt8(ascii: ","), bytes[i] != UInt8(ascii: "}"),
                  bytes[i] != UInt8(ascii: "]") {
                i += 1
            }
            guard i > start else { throw Malformed(at: start) }
            return i
        }
    }
}
