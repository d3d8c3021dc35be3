/// A calendar day with no time and no time zone. Every rule in the Domain
/// counts calendar days (POLICY.md section 3), so this is the only date type
/// it needs; the caller decides which day "today" is.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// Returns nil for impossible dates such as 2025-02-30.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...9999).contains(year),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        ordinal = Day.ordinal(year: year, month: month, day: day)
    }

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    public var day: Int { civil.day }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Same day of the month `months` later, clamped to the month's last day
    /// (2024-02-29 plus 12 months is 2025-02-28).
    public func adding(months: Int) -> Day {
        let (y, m, d) = civil
        let index = y * 12 + (m - 1) + months
        let year = index / 12, month = index % 12 + 1
        return Day(year: year, month: month, day: min(d, Day.daysIn(month: month, year: year)))!
    }

    /// Calendar days from self to other (positive when other is later).
    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    /// Whole years of age on `day` for someone born on self.
    public func age(on day: Day) -> Int {
        var years = day.year - year
        if (day.month, day.day) < (month, self.day) { years -= 1 }
        return years
    }

    /// ISO 8601, YYYY-MM-DD.
    public var description: String {
        let (y, m, d) = civil
        guard (0...9999).contains(y) else { return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))" }
        // Written digit by digit: every stored record and query names days, and ten ASCII bytes fit a String
        // without allocating (the padded pieces and their joining were 2% of seeding).
        return String(unsafeUninitializedCapacity: 10) { out in
            let digit = { (n: Int) in UInt8(ascii: "0") + UInt8(n) }
            out[0] = digit(y / 1000); out[1] = digit(y / 100 % 10); out[2] = digit(y / 10 % 10); out[3] = digit(y % 10)
            out[4] = UInt8(ascii: "-"); out[5] = digit(m / 10); out[6] = digit(m % 10)
            out[7] = UInt8(ascii: "-"); out[8] = digit(d / 10); out[9] = digit(d % 10)
            return 10
        }
    }

    // MARK: Civil calendar arithmetic (Howard Hinnant's days_from_civil).

    private var civil: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

private func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, width - s.count)) + s
}
