import Foundation

/// Issue 28: at another size than 100,000 customers, each figure that grows with the caseload beside the
/// figure in docs/benchmarks.md (the last 100,000 run), within 1.2 times of it. Start-ups are compared as
/// times the floor of their own run (the machine's speed differs between runs more than 20%); seeding
/// and the file as their share of one customer.
struct ScaleComparison {
    /// One figure: what it is, its value at 100,000 and at this size, in the same unit.
    struct Line { var what: String; var reference: Double; var now: Double; var unit: String }

    /// The 100,000 customers' report: its rows' cells (the first table, then PostgreSQL's side by side).
    let referenceDate: String
    private let mainRows: [[String]]
    private let postgresRows: [[String]]

    /// The report beside `out` (docs/benchmarks.md), or nil when there is none or it is of another size.
    init?(beside out: String) {
        let path = URL(fileURLWithPath: out).deletingLastPathComponent().appendingPathComponent("benchmarks.md").path
        guard path != URL(fileURLWithPath: out).path, let text = try? String(contentsOfFile: path, encoding: .utf8),
              text.contains("careerplan seed --customers 100000") else { return nil }
        referenceDate = text.range(of: #"on [0-9]{4}-[0-9]{2}-[0-9]{2}"#, options: .regularExpression).map { String(text[$0].dropFirst(3)) } ?? "?"
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let postgresStart = lines.firstIndex { $0.hasPrefix("## The same caseloads on PostgreSQL") } ?? lines.endIndex
        func cells(_ line: Substring) -> [String]? {
            guard line.hasPrefix("| "), line.hasSuffix(" |") else { return nil }
            return line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
        }
        mainRows = lines[..<postgresStart].compactMap(cells).filter { $0.count == 4 }
        postgresRows = lines[postgresStart...].compactMap(cells).filter { $0.count == 5 }
    }

    /// The number a cell begins with ("1.6 ms" is 1.6).
    static func number(_ cell: String) -> Double? {
        Double(cell.prefix { $0.isNumber || $0 == "." })
    }

    /// The first table's figure of the row whose name begins with `prefix`.
    func figure(_ prefix: String) -> Double? {
        mainRows.first { $0[0].hasPrefix(prefix) }.flatMap { Self.number($0[1]) }
    }

    /// PostgreSQL's figure of the side-by-side row whose name begins with `prefix`.
    func postgresFigure(_ prefix: String) -> Double? {
        postgresRows.first { $0[0].hasPrefix(prefix) }.flatMap { Self.number($0[2]) }
    }

    /// The table: each line's two figures, their ratio and whether it is within 1.2.
    static func table(_ lines: [Line], size: String, referenceDate: String) -> String {
        var table = "| Figure | 100,000 (\(referenceDate)) | \(size) | Times | Met (≤ 1.2 ×) |\n| --- | --- | --- | --- | --- |\n"
        for l in lines {
            let times = l.now / l.reference
            table += "| \(l.what) | \(format(l.reference, l.unit)) | \(format(l.now, l.unit)) | \(String(format: "%.2f", times)) | "
                + (times <= 1.2 ? "yes" : "NO") + " |\n"
            print(l.what.padding(toLength: 62, withPad: " ", startingAt: 0) + "  100,000 " + format(l.reference, l.unit) + "  "
                  + size + " " + format(l.now, l.unit) + String(format: "  %.2f ×", times) + (times <= 1.2 ? "  ✓" : "  ✗ missed"))
        }
        return table
    }

    private static func format(_ value: Double, _ unit: String) -> String {
        unit == "×" ? String(format: "%.2f ×", value) : String(format: value < 100 ? "%.1f" : "%.0f", value) + " " + unit
    }
}
