extension Day {
    /// The formats a person may type, as shown in error messages.
    public static let acceptedFormats = "YYYY-MM-DD or MM/DD/YYYY, e.g. 2026-03-09 or 03/09/2026"

    /// Parses YYYY-MM-DD or MM/DD/YYYY; nil for anything else or an impossible date.
    public init?(parsing text: String) {
        let t = text.trimmingSpaces
        let dash = t.split(separator: "-", omittingEmptySubsequences: false)
        let slash = t.split(separator: "/", omittingEmptySubsequences: false)
        if dash.count == 3, dash[0].count == 4, dash[1].count == 2, dash[2].count == 2,
           let y = Int(digits: dash[0]), let m = Int(digits: dash[1]), let d = Int(digits: dash[2]) {
            self.init(year: y, month: m, day: d)
        } else if slash.count == 3, (1...2).contains(slash[0].count), (1...2).contains(slash[1].count),
                  slash[2].count == 4,
                  let m = Int(digits: slash[0]), let d = Int(digits: slash[1]), let y = Int(digits: slash[2]) {
            self.init(year: y, month: m, day: d)
        } else {
            return nil
        }
    }

    /// Strict ISO form only: the data file and the export use it. Read byte by byte (every stored
    /// date a screen shows passes here): four digits, a dash, two, a dash, two.
    public init?(iso text: String) {
        var text = text
        let parts: (year: Int, month: Int, day: Int)? = text.withUTF8 { b in
            guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for i in range {
                    guard b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") else { return nil }
                    value = value * 10 + Int(b[i] - UInt8(ascii: "0"))
                }
                return value
            }
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
            return (y, m, d)
        }
        guard let parts else { return nil }
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }
}

extension Day: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "expected a date as YYYY-MM-DD, found \"\(text)\""))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

extension Int {
    /// Only ASCII digits; rejects signs and spaces that Int("...") would accept or not.
    init?(digits: Substring) {
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        self.init(digits)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
