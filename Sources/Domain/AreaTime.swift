import Foundation

/// Moments are stored in UTC (ISO 8601, "2026-11-26T03:30:00Z"); people and
/// policy count in the area's calendar days and clock. A plan saved at 21:30
/// in Chicago on the 25th was saved on the 25th, though it is the 26th in
/// UTC. The zone is passed in (careerplan.conf's `time-zone`, else `TZ`).
public enum AreaTime {
    /// The area's calendar day of a stored moment; nil when it is not one.
    /// A bare date ("2026-11-25") is already a day.
    public static func day(of timestamp: String, in zone: TimeZone) -> Day? {
        // The moments careerplan writes ("2026-11-26T03:30:00Z", perhaps with fractions of a second) are
        // read by hand: a formatter per call was an eighth of seeding a caseload (its due items read every
        // plan's save time).
        if let (day, seconds) = utcParts(timestamp) {
            let date = Date(timeIntervalSince1970: Double(day.ordinal * 86_400 + seconds))
            let local = day.ordinal * 86_400 + seconds + zone.secondsFromGMT(for: date)
            return Day(ordinal: local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        }
        guard let date = moment(timestamp) else { return timestamp.count == 10 ? Day(iso: timestamp) : nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// The UTC day and seconds into it of "YYYY-MM-DDTHH:MM:SS[.fff]Z"; nil for any other form.
    private static func utcParts(_ timestamp: String) -> (Day, Int)? {
        let b = Array(timestamp.utf8)
        guard b.count >= 20, b.last == UInt8(ascii: "Z"), b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"),
              b[16] == UInt8(ascii: ":"), b.count == 20 || b[19] == UInt8(ascii: ".") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard (48...57).contains(b[i]) else { return nil }
                n = n * 10 + Int(b[i] - 48)
            }
            return n
        }
        guard let day = Day(iso: String(decoding: b[0..<10], as: UTF8.self)), let h = number(11..<13), let m = number(14..<16),
              let s = number(17..<19), h < 24, m < 60, s < 60, b.count == 20 || number(20..<(b.count - 1)) != nil
        else { return nil }
        return (day, h * 3_600 + m * 60 + s)
    }

    /// "2026-11-25 21:30 CST": a stored moment as a person in the area reads it.
    public static func shown(_ timestamp: String, in zone: TimeZone) -> String {
        guard let date = moment(timestamp) else { return timestamp }
        let f = DateFormatter()
        // en_US for the zone's short name (CST, HST); where there is none, "GMT+1".
        f.locale = Locale(identifier: "en_US")
        f.calendar = Calendar(identifier: .gregorian)
        f.timeZone = zone
        f.dateFormat = "yyyy-MM-dd HH:mm zzz"
        return f.string(from: date)
    }

    private static func moment(_ timestamp: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: timestamp)
    }
}
