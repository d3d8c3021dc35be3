/// A calendar quarter, as the Department of Labor counts them: January to
/// March is the first. "The second quarter after exit" is the exit
/// quarter plus two, whatever day of its quarter the exit fell on.
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    /// 1 to 4.
    public let number: Int

    public init(containing day: Day) {
        year = day.year
        number = (day.month - 1) / 3 + 1
    }

    private init(year: Int, number: Int) {
        self.year = year
        self.number = number
    }

    /// `n` quarters later (earlier when negative).
    public func adding(_ n: Int) -> Quarter {
        let index = year * 4 + (number - 1) + n
        return Quarter(year: index / 4, number: index % 4 + 1)
    }

    public var firstDay: Day { Day(year: year, month: (number - 1) * 3 + 1, day: 1)! }
    public var lastDay: Day { adding(1).firstDay.adding(days: -1) }

    public func contains(_ day: Day) -> Bool { firstDay <= day && day <= lastDay }

    /// "2026 Q3".
    public var description: String { "\(year) Q\(number)" }

    public static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.number) < (b.year, b.number) }
}

/// A WIOA program year: July 1 to June 30, named by the year it starts
/// ("PY2025" runs 2025-07-01 to 2026-06-30).
public struct ProgramYear: Hashable, Sendable, CustomStringConvertible {
    public let startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    /// The last program year that ended before `day`: the latest whole year to read.
    public init(lastEndedBefore day: Day) {
        startYear = (day.month >= 7 ? day.year : day.year - 1) - 1
    }

    public var firstDay: Day { Day(year: startYear, month: 7, day: 1)! }
    public var lastDay: Day { Day(year: startYear + 1, month: 6, day: 30)! }
    public func adding(_ years: Int) -> ProgramYear { ProgramYear(startYear: startYear + years) }
    public var description: String { "PY\(startYear)" }
}
