/// What a person typed into `/`, as the words every match must begin with:
/// anything not a letter or digit separates words, case and accents are
/// folded, and CJK characters are words one by one (CJK names have no
/// spaces). Both stores search by these, so they find the same customers.
public enum SearchTerms {
    public static func of(_ typed: String) -> [String] {
        var terms: [String] = []
        var word = ""
        func flush() {
            if !word.isEmpty { terms.append(word) }
            word = ""
        }
        for scalar in typed.folded.unicodeScalars {
            let p = scalar.properties
            if scalar.value >= 0x2E80 && p.isAlphabetic {
                flush()
                terms.append(String(scalar))
            } else if p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark {
                word.unicodeScalars.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return terms
    }

    /// What a person typed into `/`, as the terms the indexes are searched
    /// for (`of`, then `withoutTheC`): the same for both stores.
    public static func typed(_ typed: String) -> [String] {
        withoutTheC(of(typed))
    }

    /// Words as they are searched and indexed: a "C" before digits taken off
    /// ("C000123" is "000123", "c12" is "12": numbers find IDs) and "c"
    /// alone left out: it is the start of every ID, so it keeps the whole
    /// list, as it did when the index held the ID's "C" spellings as words.
    public static func withoutTheC(_ words: [String]) -> [String] {
        words.compactMap { word in
            guard word.utf8.first == UInt8(ascii: "c") else { return word }
            let rest = String(word.dropFirst())
            return rest.isEmpty ? nil : isNumber(rest) ? rest : word
        }
    }

    /// Whether a typed term is a number, which finds customers by ID alone
    /// (`CustomerID.ranges(beginning:)`), never by the words of a name.
    public static func isNumber(_ term: String) -> Bool {
        !term.isEmpty && term.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// Whether a word is, or a typed word could begin, one of the ID's
    /// spellings (`Customer.searchWords`: "000123", "123"): ASCII digits,
    /// after an optional "c", at least one digit. Each such word is
    /// one customer's alone, so the word tally leaves them to the word index;
    /// a typed word that is not one can begin no ID's spelling.
    public static func looksLikeAnID(_ word: String) -> Bool {
        let digits = word.utf8.first == UInt8(ascii: "c") ? word.utf8.dropFirst() : word.utf8[...]
        return !digits.isEmpty && digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// How many first characters (code points, as SQL's substr counts) two words share.
    public static func shared(_ a: String, _ b: String) -> Int {
        zip(a.unicodeScalars, b.unicodeScalars).prefix { $0 == $1 }.count
    }

    /// A customer's words as PostgreSQL's index holds them: " word word …",
    /// each term a prefix of one exactly when `" " + term` occurs in it: the
    /// names' words and the ID's spellings, so a number typed finds the IDs it
    /// begins there as by the file's arithmetic.
    public static func indexed(_ c: Customer) -> String {
        " " + (c.searchTerms + c.id.spellings).joined(separator: " ")
    }
}
