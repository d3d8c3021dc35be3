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

    /// Strict ISO form only: the data file and the export use it.
    public init?(iso text: String) {
        guard text.count == 10, text.dropFirst(4).first == "-" else { return nil }
        self.init(parsing: text)
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
