import Domain

/// Turns what a person typed into an FTS5 query: every word must match the
/// start of a name word or the ID; CJK characters match one by one.
/// Anything that is not a letter or digit separates words, as it does for
/// the index's tokenizer, so typed text can never change the query's shape.
enum SearchQuery {
    static func match(_ typed: String) -> String? {
        let terms = SearchTerms.of(typed)
        guard !terms.isEmpty else { return nil }
        return terms.map { "\"\($0)\"*" }.joined(separator: " ")
    }

    /// Only one-letter words: they match the start of a large share of all
    /// names, spread through the name order (longer prefixes cluster:
    /// "ng" is mostly Nguyen).
    static func isOneLetter(_ typed: String) -> Bool {
        let t = SearchTerms.of(typed)
        return !t.isEmpty && t.allSatisfy { $0.count == 1 }
    }

}
