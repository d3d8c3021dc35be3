/// A number typed into `/` finds customers by ID, by arithmetic rather than
/// by words (issue 28: the ID's four spellings were two thirds of the word
/// index, the data file's largest part once records were packed).
extension CustomerID {
    /// How the ID is found: its digits with the zeros in front of six
    /// ("000123") and without them ("123"). A typed "C" is taken off
    /// (`SearchTerms.withoutTheC`), so "C000123" and "c123" find it too.
    public var spellings: [String] { [String(description.dropFirst()), String(number)] }

    /// The IDs one of whose spellings begins with `digits` (ASCII digits),
    /// as ranges in order, none touching another.
    public static func ranges(beginning digits: String) -> [ClosedRange<Int64>] {
        let k = digits.utf8.count
        guard k >= 1, k <= 18, digits.utf8.allSatisfy({ (48...57).contains($0) }), let v = Int64(digits) else { return [] }
        var found: [ClosedRange<Int64>] = []
        // Without zeros in front: v, v0…v9, v00…v99, … up to 18 digits.
        if digits.utf8.first != UInt8(ascii: "0") {
            var scale: Int64 = 1
            for _ in 0...(18 - k) {
                found.append(v * scale...((v + 1) * scale - 1))
                scale *= 10
            }
        }
        // Six digits with zeros in front, for IDs under 1,000,000 (above, both spellings are the same).
        if k <= 6 {
            var scale: Int64 = 1
            for _ in 0..<(6 - k) { scale *= 10 }
            let low = max(1, v * scale), high = min(999_999, (v + 1) * scale - 1)
            if low <= high { found.append(low...high) }
        }
        return merged(found)
    }

    /// The IDs in both lists of ranges.
    public static func intersection(_ a: [ClosedRange<Int64>], _ b: [ClosedRange<Int64>]) -> [ClosedRange<Int64>] {
        var both: [ClosedRange<Int64>] = []
        for x in a {
            for y in b where x.overlaps(y) { both.append(max(x.lowerBound, y.lowerBound)...min(x.upperBound, y.upperBound)) }
        }
        return merged(both)
    }

    private static func merged(_ ranges: [ClosedRange<Int64>]) -> [ClosedRange<Int64>] {
        var out: [ClosedRange<Int64>] = []
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, r.lowerBound <= last.upperBound + 1 {
                out[out.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }
}
