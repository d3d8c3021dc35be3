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
}
