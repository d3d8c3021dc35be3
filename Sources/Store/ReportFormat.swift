import Foundation

/// The machine-readable forms every report shares: pretty, sorted JSON and
/// CSV with RFC 4180 quoting (a field holding a comma, a quote or a line
/// break is quoted, quotes doubled).
enum ReportFormat {
    static func json<T: Encodable>(_ value: T, empty: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data(empty.utf8), as: UTF8.self) + "\n"
    }

    static func csv(header: String, rows: [[String]]) -> String {
        ([header] + rows.map { $0.map(field).joined(separator: ",") }).joined(separator: "\n") + "\n"
    }

    /// With column names that may hold commas themselves (PIRL's element names).
    static func csv(columns: [String], rows: [[String]]) -> String {
        csv(header: columns.map(field).joined(separator: ","), rows: rows)
    }

    static func field(_ s: String) -> String {
        // By scalar: "\r\n" is one Character in Swift, and must be quoted too.
        s.unicodeScalars.contains { ",\"\n\r".unicodeScalars.contains($0) }
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
