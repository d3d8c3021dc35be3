extension Customer {
    /// Names sort as a person reads them: "José" beside "Jose", case ignored.
    public var sortName: String { displayName.folded }

    /// What `/` finds: every word of both names, the ID with and without its
    /// zeros, and each CJK character on its own (CJK names have no spaces).
    public var searchWords: String {
        let names = [legalName, preferredName ?? ""].joined(separator: " ")
        let cjk = names.unicodeScalars.filter { $0.value >= 0x2E80 }.map { String($0) }
        return ([names, names.folded, id.description, String(id.description.dropFirst()),
                 String(id.number), "c" + String(id.number)] + cjk)
            .joined(separator: " ")
    }

    /// The distinct words `/` finds (SearchTerms of `searchWords`), in the
    /// order of their UTF-8 bytes: the order the data file's word index keeps.
    public var searchTerms: [String] {
        Set(SearchTerms.of(searchWords)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
