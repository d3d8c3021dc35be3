/// A customer's identifier: never an SSN (PIRL 100). Shown as "C" and six
/// or more digits, e.g. C000042.
public struct CustomerID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let number: Int64

    public init(_ number: Int64) { self.number = number }

    /// Accepts "C000042", "c42" or "42".
    public init?(parsing text: String) {
        var digits = Substring(text.trimmingSpaces)
        if digits.first == "C" || digits.first == "c" { digits = digits.dropFirst() }
        guard let n = Int(digits: digits), n > 0 else { return nil }
        number = Int64(n)
    }

    public var description: String {
        let s = String(number)
        return "C" + String(repeating: "0", count: max(0, 6 - s.count)) + s
    }

    public static func < (a: CustomerID, b: CustomerID) -> Bool { a.number < b.number }
}

extension CustomerID: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = CustomerID(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "expected a customer ID such as C000042, found \"\(text)\""))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
