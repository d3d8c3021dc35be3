import Foundation

/// The WIOA Title IB Services Matrix, read from its resource file: which
/// services exist, what they link to, and the goals and steps they map to.
/// A malformed file is refused with the entry and field named.
public struct ServicesMatrix: Sendable {
    public static let formatName = "careerplan-services-matrix"

    public let services: [ServiceEntry]
    public let placeholders: [String]
    public let assessmentRules: [AssessmentRule]

    struct File: Decodable {
        var format: String
        var version: Int
        var placeholders: [String]
        var assessments: [AssessmentRule]?
        var services: [ServiceEntry]
    }

    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var message: String
        public init(message: String) { self.message = message }
        public var description: String { "services matrix: \(message)" }
    }

    public init(data: Data) throws {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch let error as DecodingError {
            throw Problem(message: Self.describe(error, data: data))
        }
        guard file.format == Self.formatName else {
            throw Problem(message: "format is \"\(file.format)\", expected \"\(Self.formatName)\"")
        }
        services = file.services
        placeholders = file.placeholders
        assessmentRules = file.assessments ?? []
        try validate()
        try validateRules()
    }

    public func service(_ id: String) -> ServiceEntry? { services.first { $0.id == id } }

    /// Services whose name holds every word typed, in matrix order.
    /// Services whose name (or category) has every typed word, then those
    /// whose goal and step wording has them: "resume" finds the service whose
    /// step is "Create and adjust your resume…" though its name does not say so.
    public func search(_ text: String) -> [ServiceEntry] {
        let words = text.folded.split(separator: " ")
        guard !words.isEmpty else { return services }
        func hasAll(_ haystack: String) -> Bool { words.allSatisfy { haystack.contains($0) } }
        let byName = services.filter { hasAll(($0.name + " " + $0.categoryLabel).folded) }
        let named = Set(byName.map(\.id))
        let byWording = services.filter { s in
            !named.contains(s.id) && hasAll(s.goals.flatMap { [$0.text] + $0.steps }.joined(separator: " ").folded)
        }
        return byName + byWording
    }

    private func validate() throws {
        var ids = Set<String>()
        let kinds = Set(BarrierKind.all.map(\.key))
        for (i, s) in services.enumerated() {
            let entry = "services[\(i)] (\(s.id))"
            guard !s.id.isEmpty, ids.insert(s.id).inserted else { throw Problem(message: "\(entry).id: empty or used twice") }
            if s.name.trimmingCharacters(in: .whitespaces).isEmpty { throw Problem(message: "\(entry).name: empty") }
            if s.category == .youthElement {
                guard let n = s.youthElement, (1...14).contains(n) else {
                    throw Problem(message: "\(entry).youthElement: a youth program element needs a number from 1 to 14")
                }
            } else if s.youthElement != nil {
                throw Problem(message: "\(entry).youthElement: only for category \"youth-element\"")
            }
            for kind in s.addresses ?? [] where !kinds.contains(kind) {
                throw Problem(message: "\(entry).addresses: unknown barrier kind \"\(kind)\"")
            }
            for fact in (s.recommendWhen ?? []).joined() where !CustomerFacts.isKnown(fact) {
                throw Problem(message: "\(entry).recommendWhen: unknown fact \"\(fact)\"")
            }
            for (g, goal) in s.goals.enumerated() {
                try checkPlaceholders(goal.text, "\(entry).goals[\(g)].text")
                for (n, step) in goal.steps.enumerated() { try checkPlaceholders(step, "\(entry).goals[\(g)].steps[\(n)]") }
                if let es = goal.textEs { try checkTranslation(es, of: goal.text, "\(entry).goals[\(g)].textEs") }
                if let es = goal.stepsEs {
                    guard es.count == goal.steps.count else {
                        throw Problem(message: "\(entry).goals[\(g)].stepsEs: \(es.count) steps for the \(goal.steps.count) in English")
                    }
                    for (n, step) in es.enumerated() {
                        try checkTranslation(step, of: goal.steps[n], "\(entry).goals[\(g)].stepsEs[\(n)]")
                    }
                }
            }
        }
    }

    private func validateRules() throws {
        for (i, rule) in assessmentRules.enumerated() {
            for fact in rule.when.joined() where !CustomerFacts.isKnown(fact) {
                throw Problem(message: "assessments[\(i)].when: unknown fact \"\(fact)\"")
            }
        }
    }

    /// A translation keeps the English wording's placeholders, no more, no fewer.
    private func checkTranslation(_ text: String, of english: String, _ field: String) throws {
        try checkPlaceholders(text, field)
        guard Set(Placeholder.names(in: text)) == Set(Placeholder.names(in: english)) else {
            throw Problem(message: "\(field): needs the placeholders of the English wording ("
                          + Placeholder.names(in: english).map { "[\($0)]" }.joined(separator: ", ") + ")")
        }
    }

    private func checkPlaceholders(_ text: String, _ field: String) throws {
        for name in Placeholder.names(in: text) where !placeholders.contains(name) {
            throw Problem(message: "\(field): unknown placeholder [\(name)]")
        }
    }

    static func describe(_ error: DecodingError, data: Data) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { text, key in
                if let i = key.intValue { return text + "[\(i)]" }
                return text.isEmpty ? key.stringValue : text + "." + key.stringValue
            }
        }
        // Name the entry by its id when the path passes through one.
        func named(_ keys: [any CodingKey]) -> String {
            var p = path(keys)
            if keys.count >= 2, keys[0].stringValue == "services", let i = keys[1].intValue,
               let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
               let list = json["services"] as? [[String: Any]], list.indices.contains(i), let id = list[i]["id"] as? String {
                p = p.replacingOccurrences(of: "services[\(i)]", with: "services[\(i)] (\(id))")
            }
            return p
        }
        switch error {
        case .keyNotFound(let key, let ctx): return "\(named(ctx.codingPath + [key])): missing"
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx): return "\(named(ctx.codingPath)): \(ctx.debugDescription)"
        case .dataCorrupted(let ctx):
            return ctx.codingPath.isEmpty ? "not valid JSON" : "\(named(ctx.codingPath)): \(ctx.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// Placeholders in matrix text: "[target occupation]".
public enum Placeholder {
    public static func names(in text: String) -> [String] {
        var out: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            out.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return out
    }

    /// Fills each placeholder it has a value for; the others stay visible.
    /// "a [target occupation]" becomes "an electrician": the article before
    /// a placeholder agrees with the value put in its place.
    public static func fill(_ text: String, _ values: [String: String]) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            let name = String(rest[rest.index(after: open)..<close])
            out += rest[..<open]
            if let value = values[name], !value.isEmpty {
                out = Article.agreeing(out, with: value) + value
            } else {
                out += "[\(name)]"
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}

/// English's indefinite article, by the sound of the next word as far as
/// its spelling tells: "an electrician", "a union electrician", "an hour".
public enum Article {
    public static func indefinite(for word: String) -> String {
        let w = word.lowercased()
        guard let first = w.first else { return "a" }
        // Written with a vowel but said with a consonant sound, and the reverse.
        if ["uni", "use", "usu", "ute", "eu", "one", "once"].contains(where: w.hasPrefix) { return "a" }
        if ["hour", "honest", "honor", "heir"].contains(where: w.hasPrefix) { return "an" }
        return "aeiou".contains(first) ? "an" : "a"
    }

    /// `text` (what comes before a word) with its last "a" or "an" agreeing with `word`.
    static func agreeing(_ text: String, with word: String) -> String {
        for article in ["a ", "an ", "A ", "An "] where text == article || text.hasSuffix(" " + article) {
            let head = text.dropLast(article.count)
            var right = indefinite(for: word)
            if article.first == "A" { right = right.prefix(1).uppercased() + right.dropFirst() }
            return head + right + " "
        }
        return text
    }
}
