extension Customer {
    /// Names sort as a person reads them: "José" beside "Jose", case ignored.
    public var sortName: String { displayName.folded }

    /// What `/` finds by name: every word of both names and each CJK
    /// character on its own (CJK names have no spaces). The ID is found by
    /// number (`CustomerID.ranges(beginning:)`).
    public var searchWords: String {
        let names = [legalName, preferredName ?? ""].joined(separator: " ")
        let cjk = names.unicodeScalars.filter { $0.value >= 0x2E80 }.map { String($0) }
        return ([names, names.folded] + cjk).joined(separator: " ")
    }

    /// The distinct words `/` finds a name by (SearchTerms of `searchWords`,
    /// without a "C" before digits, and not numbers, which find IDs only),
    /// in the order of their UTF-8 bytes: the order the file's word index keeps.
    public var searchTerms: [String] {
        Set(SearchTerms.withoutTheC(SearchTerms.of(searchWords)).filter { !SearchTerms.isNumber($0) })
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Whether every typed term finds this customer: a number begins one of
    /// the ID's spellings, any other term one of the names' words. Both
    /// stores answer as this does (tested against it).
    public func isFound(by terms: [String]) -> Bool {
        terms.allSatisfy { t in
            SearchTerms.isNumber(t) ? id.spellings.contains { $0.hasPrefix(t) } : searchTerms.contains { $0.hasPrefix(t) }
        }
    }
}
