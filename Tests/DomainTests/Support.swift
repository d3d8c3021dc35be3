import Domain

/// A day from a literal in tests: "2026-11-23".
func day(_ text: String) -> Day {
    guard let d = Day(parsing: text) else { fatalError("bad test date \(text)") }
    return d
}
