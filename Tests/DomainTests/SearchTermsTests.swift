import Domain
import Testing

/// What the search indexes hold and how the word tally tells names from IDs.
@Suite struct SearchTermsTests {
    @Test func aCustomersWordsAreTheirNamesFoldedAndTheIDFourWays() {
        let c = Customer(id: CustomerID(123), legalName: "José Núñez", zip: "60601",
                         birthDate: Day(year: 1990, month: 1, day: 1)!, enteredOn: Day(year: 2026, month: 11, day: 2)!)
        #expect(c.searchTerms == ["000123", "123", "c000123", "c123", "jose", "nunez"])
    }

    /// The ID's spellings are left out of the word tally; a typed word that could begin one is counted in the
    /// word index, any other can begin only tallied words.
    @Test func theIDsSpellingsAreToldFromNames() {
        for id in ["000123", "123", "c000123", "c123", "c1", "7"] { #expect(SearchTerms.looksLikeAnID(id), "\(id)") }
        for word in ["c", "", "ca", "c12a", "12a", "carlos", "nguyen", "٣٤٥", "c٣"] { #expect(!SearchTerms.looksLikeAnID(word), "\(word)") }
    }

    @Test func sharedCountsFirstCharactersAsCodePoints() {
        #expect(SearchTerms.shared("", "ana") == 0)
        #expect(SearchTerms.shared("ana", "anabel") == 3)
        #expect(SearchTerms.shared("joseph", "josé") == 3)
        #expect(SearchTerms.shared("jose", "joseph") == 4)
        #expect(SearchTerms.shared("nam", "ng") == 1)
    }
}
