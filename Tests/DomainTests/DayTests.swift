import Domain
import Testing

@Suite struct DayTests {
    @Test func parsesBothAcceptedFormats() {
        #expect(Day(parsing: "2026-11-23") == Day(year: 2026, month: 11, day: 23))
        #expect(Day(parsing: "11/23/2026") == Day(year: 2026, month: 11, day: 23))
        #expect(Day(parsing: " 2026-01-05 ")?.description == "2026-01-05")
    }

    /// Written digit by digit: every day from year 1 to 9999 (a day in 29, and every day of 1999-2001) reads back as
    /// itself, and is the year, month and day zero-padded.
    @Test func everyDayIsWrittenAsItsYearMonthAndDay() throws {
        let first = try #require(Day(year: 1, month: 1, day: 1)).ordinal
        let last = try #require(Day(year: 9999, month: 12, day: 31)).ordinal
        let around = try #require(Day(year: 1999, month: 1, day: 1)).ordinal...(try #require(Day(year: 2001, month: 12, day: 31)).ordinal)
        for ordinal in Array(stride(from: first, through: last, by: 29)) + Array(around) + [last] {
            let day = Day(ordinal: ordinal)
            let text = day.description
            #expect(Day(parsing: text) == day && Day(iso: text) == day, "\(text)")
            let parts = text.split(separator: "-")
            #expect(parts.map(\.count) == [4, 2, 2] && Int(parts[0]) == day.year, "\(text)")
        }
        #expect(Day(year: 2026, month: 3, day: 9)?.description == "2026-03-09")
        #expect(Day(year: 7, month: 10, day: 1)?.description == "0007-10-01")
    }

    @Test func rejectsImpossibleAndOtherFormats() {
        #expect(Day(parsing: "2026-02-29") == nil)
        #expect(Day(parsing: "2028-02-29") != nil)
        #expect(Day(parsing: "2026-13-01") == nil)
        #expect(Day(parsing: "23.11.2026") == nil)
        #expect(Day(parsing: "2026-11-23x") == nil)
        #expect(Day(parsing: "") == nil)
        #expect(Day(parsing: "1900-02-29") == nil)
        #expect(Day(parsing: "2000-02-29") != nil)
    }

    /// The stored form, read byte by byte: exactly four digits, a dash, two, a dash, two, and a real day.
    @Test func theStoredFormIsReadStrictly() {
        #expect(Day(iso: "2026-03-09") == Day(year: 2026, month: 3, day: 9))
        #expect(Day(iso: "0001-01-01") == Day(year: 1, month: 1, day: 1))
        for text in ["2026-3-09", "2026-03-9", "03/09/2026", " 2026-03-09", "2026-03-09 ", "2026-03-09x", "+026-03-09",
                     "2026-02-29", "2026-13-01", "2026-00-10", "2026-01-00", "２０２６-03-09", "2026–03–09", "2026/03/09", "",
                     "2026-0a-09", "20260309xx"] {
            #expect(Day(iso: text) == nil, "\(text)")
        }
    }

    @Test func addingMonthsClampsToTheEndOfTheMonth() {
        #expect(day("2026-01-31").adding(months: 1) == day("2026-02-28"))
        #expect(day("2028-02-29").adding(months: 12) == day("2029-02-28"))
        #expect(day("2026-03-15").adding(months: 12) == day("2027-03-15"))
        #expect(day("2026-11-30").adding(months: 3) == day("2027-02-28"))
    }

    @Test func daysAndAge() {
        #expect(day("2026-11-23").adding(days: 30) == day("2026-12-23"))
        #expect(day("2026-12-31").adding(days: 1) == day("2027-01-01"))
        #expect(day("2026-11-23").days(until: day("2027-11-23")) == 365)
        #expect(day("2008-11-23").age(on: day("2026-11-22")) == 17)
        #expect(day("2008-11-23").age(on: day("2026-11-23")) == 18)
        #expect(day("2008-02-29").age(on: day("2026-02-28")) == 17)
    }
}
