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
        ("NRS", "National Reporting System"), ("IT", "information technology"), ("SSN", "Social Security number"), ("ITA", "Individual Training Account"), ("CTA", "Chicago Transit Authority"),
        ("O*NET", "Occupational Information Network"), ("SMART", "specific, measurable, achievable, relevant, time-bound"),
    ]

    /// The texts in order, each acronym spelled out at its first use.
    public static func spellOutFirst(_ texts: [String], legend: [(acronym: String, meaning: String)] = legend) -> [String] {
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

    /// Acronyms in the texts that are neither in the legend (with the area's
    /// additions) nor spelled out in the texts themselves ("... (ABC)").
    public static func unexplained(in texts: [String], extra: [(acronym: String, meaning: String)] = []) -> [String] {
        let known = Set((legend + extra).map(\.acronym))
        let all = texts.joined(separator: " ")
        var found: [String] = []
        for text in texts {
            for token in text.split(whereSeparator: { !$0.isLetter && $0 != "*" }) {
                let word = String(token)
                guard word.count >= 2, word.allSatisfy({ $0.isUppercase || $0 == "*" }), word.contains(where: \.isLetter),
                      !known.contains(word), !all.contains("(\(word))"), !found.contains(word) else { continue }
                found.append(word)
            }
        }
        return found
    }

    /// The area's legend additions as stored: "ABC=Meaning; XYZ=Meaning".
    public static func parse(_ text: String) -> [(acronym: String, meaning: String)] {
        text.split(separator: ";").compactMap { entry in
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
            return (parts[0], parts[1])
        }
    }

    /// Nine digits that read as an SSN become bullets.
    public static func withoutSSN(_ text: String) -> String {
        guard SSN.containsFull(text) else { return text }
        return text.replacingOccurrences(of: #"\d{3}[- ]?\d{2}[- ]?\d{4}"#, with: "•••-••-••••", options: .regularExpression)
    }
}
