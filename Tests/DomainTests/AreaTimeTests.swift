import Foundation
import Testing
@testable import Domain

/// Stored moments become the area's days and times, wherever the machine's
/// clock is: an evening in Chicago and a morning in Honolulu.
@Suite struct AreaTimeTests {
    let chicago = TimeZone(identifier: "America/Chicago")!
    let honolulu = TimeZone(identifier: "Pacific/Honolulu")!

    @Test func anEveningSaveInChicagoIsThatDay() {
        // 21:30 CST on 2026-11-25 is 03:30 UTC on the 26th.
        #expect(AreaTime.day(of: "2026-11-26T03:30:00Z", in: chicago) == day("2026-11-25"))
        #expect(AreaTime.day(of: "2026-11-26T06:00:00Z", in: chicago) == day("2026-11-26"))
        #expect(AreaTime.shown("2026-11-26T03:30:00Z", in: chicago) == "2026-11-25 21:30 CST")
        // In summer the same rule with daylight time.
        #expect(AreaTime.day(of: "2026-07-01T04:59:00Z", in: chicago) == day("2026-06-30"))
        #expect(AreaTime.shown("2026-07-01T04:59:00Z", in: chicago) == "2026-06-30 23:59 CDT")
    }

    @Test func anEarlyMorningInHonoluluIsThatDay() {
        // 07:00 HST on 2026-11-26 is 17:00 UTC the same day; 23:00 HST on the 25th is 09:00 UTC on the 26th.
        #expect(AreaTime.day(of: "2026-11-26T17:00:00Z", in: honolulu) == day("2026-11-26"))
        #expect(AreaTime.day(of: "2026-11-26T09:00:00Z", in: honolulu) == day("2026-11-25"))
        #expect(AreaTime.shown("2026-11-26T09:00:00Z", in: honolulu) == "2026-11-25 23:00 HST")
    }

    /// The moments careerplan writes are read by hand; the day must be the calendar's, at the edges of
    /// daylight time, midnight, fractions of a second and forms it does not write (read by the formatter).
    @Test func theHandReadingIsTheCalendars() {
        func calendarDay(_ timestamp: String, _ zone: TimeZone) -> Day? {
            let f = ISO8601DateFormatter()
            f.formatOptions = timestamp.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
            guard let date = f.date(from: timestamp) else { return nil }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let p = calendar.dateComponents([.year, .month, .day], from: date)
            return Day(year: p.year!, month: p.month!, day: p.day!)
        }
        // Chicago leaves CST at 08:00 UTC on 2026-03-08 and CDT at 07:00 UTC on 2026-11-01.
        let edges = ["2026-03-08T05:59:59Z", "2026-03-08T06:00:00Z", "2026-03-08T07:59:59Z", "2026-03-08T08:00:00Z",
                     "2026-11-01T04:59:59Z", "2026-11-01T05:00:00Z", "2026-11-01T06:59:59Z", "2026-11-01T07:00:00Z",
                     "2026-12-31T23:59:59Z", "2027-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2028-02-29T10:00:00Z"]
        // 500 moments over sixty years from 1980, from a fixed seed (SplitMix64).
        var state: UInt64 = 7
        var spread: [String] = []
        for _ in 0..<500 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            let seconds = Int((z ^ (z >> 31)) % (60 * 365 * 86_400))
            let day = Day(ordinal: 365 * 10 + seconds / 86_400)
            let s = seconds % 86_400
            spread.append("\(day)T" + [s / 3_600, s / 60 % 60, s % 60].map { ($0 < 10 ? "0" : "") + String($0) }
                .joined(separator: ":") + "Z")
        }
        for t in edges + spread {
            for zone in [chicago, honolulu, TimeZone(identifier: "UTC")!, TimeZone(identifier: "Asia/Kolkata")!] {
                #expect(AreaTime.day(of: t, in: zone) == calendarDay(t, zone), "\(t) \(zone.identifier)")
            }
        }
        #expect(AreaTime.day(of: "2026-11-26T03:30:00.250Z", in: chicago) == day("2026-11-25"))
        #expect(AreaTime.day(of: "2026-11-26T03:30:00+00:00", in: chicago) == day("2026-11-25"))
    }

    @Test func aBareDateIsItsOwnDay() {
        #expect(AreaTime.day(of: "2026-11-25", in: honolulu) == day("2026-11-25"))
        #expect(AreaTime.day(of: "not a time", in: honolulu) == nil)
    }
}
