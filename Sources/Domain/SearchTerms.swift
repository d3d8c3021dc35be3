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

    /// A customer's words as the index holds them: " word word …", each
    /// term a prefix of one exactly when `" " + term` occurs in it.
    public static func indexed(_ c: Customer) -> String {
        " " + of(c.searchWords).joined(separator: " ")
    }
}
