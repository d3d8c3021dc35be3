/// Text from the data file is data, never terminal commands: control
/// characters become caret notation (^[), C1 controls and bidirectional
/// overrides become a visible code (<9B>, <U+202E>).
extension String {
    public var terminalSafe: String {
        guard unicodeScalars.contains(where: Self.isUnsafe) else { return self }
        var out = String.UnicodeScalarView()
        for s in unicodeScalars {
            guard Self.isUnsafe(s) else { out.append(s); continue }
            out.append(contentsOf: Self.escape(s).unicodeScalars)
        }
        return String(out)
    }

    /// The same for whole outputs (reports, copies): line breaks and tabs stay.
    public var terminalSafeLines: String {
        split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).terminalSafe }.joined(separator: "\t")
        }.joined(separator: "\n")
    }

    public static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || bidiControls.contains(v)
    }

    private static let bidiControls: Set<UInt32> = [
        0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
        0x2066, 0x2067, 0x2068, 0x2069,
    ]

    private static func escape(_ s: Unicode.Scalar) -> String {
        let v = s.value
        if v < 0x20 { return "^" + String(UnicodeScalar(UInt8(v + 0x40))) }
        if v == 0x7F { return "^?" }
        if v <= 0x9F { return "<" + hex(v, digits: 2) + ">" }
        return "<U+" + hex(v, digits: 4) + ">"
    }

    private static func hex(_ v: UInt32, digits: Int) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: Swift.max(0, digits - h.count)) + h
    }
}
