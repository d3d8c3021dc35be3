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

    @Test func aBareDateIsItsOwnDay() {
        #expect(AreaTime.day(of: "2026-11-25", in: honolulu) == day("2026-11-25"))
        #expect(AreaTime.day(of: "not a time", in: honolulu) == nil)
    }
}
