import Domain
import Foundation
import Testing

/// What the search indexes hold and how the word tally tells names from IDs.
@Suite struct SearchTermsTests {
    @Test func aCustomersWordsAreTheirNamesFoldedAndTheIDIsSpelledTwoWays() {
        let c = Customer(id: CustomerID(123), legalName: "José Núñez", zip: "60601",
                         birthDate: Day(year: 1990, month: 1, day: 1)!, enteredOn: Day(year: 2026, month: 11, day: 2)!)
        #expect(c.searchTerms == ["jose", "nunez"])
        #expect(c.id.spellings == ["000123", "123"])
    }

    /// ASCII is folded by hand (start-up need not load Foundation's folding): the same as Foundation's folding,
    /// for each ASCII character alone and in a name; anything else still goes through Foundation's.
    @Test func asciiIsFoldedAsFoundationFoldsIt() {
        let foundation = { (s: String) in s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil) }
        for byte in UInt8(0)...UInt8(127) {
            let s = String(decoding: [byte], as: UTF8.self)
            #expect(s.folded == foundation(s), "\(byte)")
        }
        #expect("O'Brien-SMITH Jr. 2nd".folded == "o'brien-smith jr. 2nd")
        #expect("".folded == "")
        #expect("José ØYSTEIN Ｍａ".folded == "jose oystein ma")
    }

    /// The ID's spellings are left out of the word tally; a typed word that could begin one is counted in the
    /// word index, any other can begin only tallied words.
    @Test func theIDsSpellingsAreToldFromNames() {
        for id in ["000123", "123", "c000123", "c123", "c1", "7"] { #expect(SearchTerms.looksLikeAnID(id), "\(id)") }
        for word in ["c", "", "ca", "c12a", "12a", "carlos", "nguyen", "٣٤٥", "c٣"] { #expect(!SearchTerms.looksLikeAnID(word), "\(word)") }
    }

    /// The ID's "C" is taken off what is typed and what is indexed alike: "C000123" searches "000123", "C" alone
    /// (the start of every ID) nothing; a number finds IDs only, so a name's own "C12" is not one of its words.
    @Test func theIDsCIsTakenOffBothSides() {
        #expect(SearchTerms.typed("C000123") == ["000123"])
        #expect(SearchTerms.typed("c12 nuñez") == ["12", "nunez"])
        #expect(SearchTerms.typed("C") == [])
        #expect(SearchTerms.typed("Ma C") == ["ma"])
        #expect(SearchTerms.typed("Ca co c3po cc c-12") == ["ca", "co", "c3po", "cc", "12"])
        let c = Customer(id: CustomerID(1_234_567), legalName: "Carl C C12", zip: "60601",
                         birthDate: Day(year: 1990, month: 1, day: 1)!, enteredOn: Day(year: 2026, month: 11, day: 2)!)
        #expect(c.searchTerms == ["carl"])
        #expect(SearchTerms.indexed(c) == " carl 1234567 1234567")
        #expect(c.isFound(by: ["carl", "123"]) && c.isFound(by: ["1234567"]) && !c.isFound(by: ["0"]) && !c.isFound(by: ["carl", "2"]))
    }

    /// The ranges a number makes hold exactly the IDs one of whose spellings it begins: every ID of 1 to 3,000
    /// and around the sixth and seventh digits, against every beginning of their spellings and a few more.
    @Test func aNumbersRangesHoldTheIDsItBegins() {
        let ids = Array(1...3_000) + Array(99_990...100_010) + Array(999_990...1_000_020) + [1_234_567, 12_345_678]
        var typed: Set<String> = ["0", "00", "000000", "0000001", "1", "12", "9", "10000", "0999", "1000000", "99999"]
        for n in [7, 42, 123, 2_999, 100_000, 1_000_001, 1_234_567] {
            for s in CustomerID(Int64(n)).spellings { for k in 1...s.count { typed.insert(String(s.prefix(k))) } }
        }
        for t in typed {
            let ranges = CustomerID.ranges(beginning: t)
            for n in ids.map(Int64.init) {
                let begins = CustomerID(n).spellings.contains { $0.hasPrefix(t) }
                #expect(ranges.contains { $0.contains(n) } == begins, "\(t) and \(n)")
            }
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound + 1 < $1.lowerBound }, "\(t): \(ranges)")
        }
        let powers: [Int64] = (0...17).map { p in (0..<p).reduce(Int64(1)) { n, _ in n * 10 } }
        let ones: [ClosedRange<Int64>] = powers.map { $0...(2 * $0 - 1) }
        #expect(CustomerID.ranges(beginning: "1") == ones)
        #expect(CustomerID.ranges(beginning: "0") == [1...99_999])
        #expect(CustomerID.ranges(beginning: "") == [] && CustomerID.ranges(beginning: "1a") == [])
        // As long as a person may type: 18 digits are one ID, more are none (never past Int64).
        let eighteen = String(repeating: "9", count: 18)
        #expect(CustomerID.ranges(beginning: eighteen) == [Int64(eighteen)!...Int64(eighteen)!])
        #expect(CustomerID.ranges(beginning: "1" + String(repeating: "0", count: 18)) == [])
        #expect(CustomerID.ranges(beginning: String(repeating: "0", count: 40)) == [])
        let both = CustomerID.intersection(CustomerID.ranges(beginning: "12"), CustomerID.ranges(beginning: "0"))
        #expect(both == [12...12, 120...129, 1_200...1_299, 12_000...12_999])
    }

    @Test func sharedCountsFirstCharactersAsCodePoints() {
        #expect(SearchTerms.shared("", "ana") == 0)
        #expect(SearchTerms.shared("ana", "anabel") == 3)
        #expect(SearchTerms.shared("joseph", "josé") == 3)
        #expect(SearchTerms.shared("jose", "joseph") == 4)
        #expect(SearchTerms.shared("nam", "ng") == 1)
    }
}
