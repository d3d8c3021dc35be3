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

    /// Whether a word is, or a typed word could begin, one of the ID's
    /// spellings (`Customer.searchWords`: "000123", "123", "c000123",
    /// "c123"): "c" and ASCII digits, at least one digit. Each such word is
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

    /// A customer's words as the index holds them: " word word …", each
    /// term a prefix of one exactly when `" " + term` occurs in it.
    public static func indexed(_ c: Customer) -> String {
        " " + of(c.searchWords).joined(separator: " ")
    }
}
