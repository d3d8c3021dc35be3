import Foundation

/// Moments are stored in UTC (ISO 8601, "2026-11-26T03:30:00Z"); people and
/// policy count in the area's calendar days and clock. A plan saved at 21:30
/// in Chicago on the 25th was saved on the 25th, though it is the 26th in
/// UTC. The zone is passed in (careerplan.conf's `time-zone`, else `TZ`).
public enum AreaTime {
    /// The area's calendar day of a stored moment; nil when it is not one.
    /// A bare date ("2026-11-25") is already a day.
    public static func day(of timestamp: String, in zone: TimeZone) -> Day? {
        guard let date = moment(timestamp) else { return timestamp.count == 10 ? Day(iso: timestamp) : nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)
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
