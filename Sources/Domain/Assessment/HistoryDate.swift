/// A date in a person's history as precisely as they remember it: a day,
/// or only a month ("2019-03") where the policy asks no more (the job
/// history of the Getting Started Assessment: 002 asks for the last five
/// years, and few people know the day they started a job in 2019).
public struct HistoryDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The day itself, or the first day of the month.
    public let first: Day
    public let isMonthOnly: Bool

    public init(_ day: Day) {
        first = day
        isMonthOnly = false
    }

    public init?(year: Int, month: Int) {
        guard let day = Day(year: year, month: month, day: 1) else { return nil }
        first = day
        isMonthOnly = true
    }

    /// The formats a person may type for it, as shown in hints and errors.
    public static let acceptedFormats = "a month as 2019-03 or 03/2019, or a day as 2019-03-15 or 03/15/2019"

    /// A day in the forms' formats, or a month as YYYY-MM or MM/YYYY.
    public init?(parsing text: String) {
        if let day = Day(parsing: text) { self.init(day); return }
        let t = text.trimmingSpaces
        let dash = t.split(separator: "-", omittingEmptySubsequences: false)
        let slash = t.split(separator: "/", omittingEmptySubsequences: false)
        if dash.count == 2, dash[0].count == 4, dash[1].count == 2, let y = Int(digits: dash[0]), let m = Int(digits: dash[1]) {
            self.init(year: y, month: m)
        } else if slash.count == 2, (1...2).contains(slash[0].count), slash[1].count == 4,
                  let m = Int(digits: slash[0]), let y = Int(digits: slash[1]) {
            self.init(year: y, month: m)
        } else {
            return nil
        }
    }

    /// The last day it may mean: the day, or the month's last day.
    public var last: Day { isMonthOnly ? first.adding(months: 1).adding(days: -1) : first }

    /// "2019-03" or "2019-03-15": the export's form too.
    public var description: String { isMonthOnly ? String(first.description.prefix(7)) : first.description }

    /// Ordered by the day it starts on; a month before a day within it.
    public static func < (a: HistoryDate, b: HistoryDate) -> Bool {
        (a.first, a.isMonthOnly ? 0 : 1) < (b.first, b.isMonthOnly ? 0 : 1)
    }
}

extension HistoryDate: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        if let day = Day(iso: text) { self.init(day); return }
        guard text.count == 7, let month = HistoryDate(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "expected a date as YYYY-MM-DD or a month as YYYY-MM, found \"\(text)\""))
        }
        self = month
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
