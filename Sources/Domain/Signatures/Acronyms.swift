import Foundation

/// Plain language for the customer's copy (004): each acronym is spelled
/// out the first time it appears, and a full SSN never appears at all.
public enum Acronyms {
    public static let legend: [(acronym: String, meaning: String)] = [
        ("WIOA", "Workforce Innovation and Opportunity Act"), ("IEP", "Individual Employment Plan"),
        ("ISS", "Individual Service Strategy"), ("GSA", "Getting Started Assessment"),
        ("OJT", "On-the-Job Training"), ("TABE", "Tests of Adult Basic Education"),
        ("CASAS", "Comprehensive Adult Student Assessment Systems"), ("GED", "General Educational Development test"),
        ("HSE", "High School Equivalency"), ("CDL", "Commercial Driver's License"), ("CNA", "Certified Nursing Assistant"),
        ("SNAP", "Supplemental Nutrition Assistance Program"), ("TANF", "Temporary Assistance for Needy Families"),
        ("ESL", "English as a Second Language"), ("ABE", "Adult Basic Education"), ("LMI", "labor market information"),
        ("NRS", "National Reporting System"), ("ITA", "Individual Training Account"), ("CTA", "Chicago Transit Authority"),
        ("O*NET", "Occupational Information Network"), ("SMART", "specific, measurable, achievable, relevant, time-bound"),
    ]

    /// The texts in order, each acronym spelled out at its first use.
    public static func spellOutFirst(_ texts: [String]) -> [String] {
        var explained = Set<String>()
        return texts.map { text in
            var t = text
            for (acronym, meaning) in legend where !explained.contains(acronym) {
                if t.contains("\(meaning) (\(acronym))") { explained.insert(acronym); continue }
                guard let range = wordRange(of: acronym, in: t) else { continue }
                t.replaceSubrange(range, with: "\(meaning) (\(acronym))")
                explained.insert(acronym)
            }
            return t
        }
    }

    /// The first whole-word occurrence: not inside a longer word.
    static func wordRange(of word: String, in text: String) -> Range<String.Index>? {
        var from = text.startIndex
        while let r = text.range(of: word, range: from..<text.endIndex) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            if !(before?.isLetter ?? false), !(after?.isLetter ?? false) { return r }
            from = r.upperBound
        }
        return nil
    }

    /// Nine digits that read as an SSN become bullets.
    public static func withoutSSN(_ text: String) -> String {
        guard SSN.containsFull(text) else { return text }
        return text.replacingOccurrences(of: #"\d{3}[- ]?\d{2}[- ]?\d{4}"#, with: "•••-••-••••", options: .regularExpression)
    }
}
