import Foundation

/// The matrix's wording in the customer's language. A plan keeps goals and
/// steps as text (the planner may rewrite them), so a text is put into
/// Spanish only when it is still the matrix's English wording with its
/// placeholders filled in; the values filled in, and anything the planner
/// wrote, stay as typed.
extension ServicesMatrix {
    /// A service's name on the copy: the matrix's translation while the plan
    /// still calls it by the matrix's name.
    public func serviceName(id: String, named name: String, in language: CopyLanguage) -> String {
        guard language == .spanish, let entry = service(id), entry.name == name, let es = entry.nameEs else { return name }
        return es
    }

    /// A goal's or step's text on the copy.
    public func wording(_ text: String, in language: CopyLanguage) -> String {
        guard language == .spanish else { return text }
        for (english, spanish) in spanishWordings {
            if let values = Self.match(text, english) { return Self.put(values, into: spanish) }
        }
        if text.hasPrefix(Self.takePart), let entry = services.first(where: { Self.takePart + $0.name == text }), let es = entry.nameEs {
            return "Participar en: " + es
        }
        return text == Self.arrangeSupport ? "Organizar el apoyo que necesita para participar en el plan" : text
    }

    /// The wording recommendations give the steps they add (AddToPlan).
    static let takePart = "Take part in "
    static let arrangeSupport = "Arrange the support needed to take part in the plan"

    private var spanishWordings: [(String, String)] {
        services.flatMap(\.goals).flatMap { goal -> [(String, String)] in
            let text = goal.textEs.map { [(goal.text, $0)] } ?? []
            return text + zip(goal.steps, goal.stepsEs ?? []).map { ($0, $1) }
        }
    }

    /// The values `text` gives the template's placeholders, by name, or nil
    /// when it is not the template. "a [x]" also matches "an electrician"
    /// (Placeholder.fill makes the article agree); an unfilled placeholder
    /// matches itself.
    static func match(_ text: String, _ template: String) -> [String: String]? {
        var pattern = "^"
        var rest = Substring(template)
        var names: [String] = []
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            var literal = NSRegularExpression.escapedPattern(for: String(rest[..<open]))
            if literal.hasSuffix(" a ") { literal = String(literal.dropLast(2)) + "an? " }
            pattern += literal + "(.+?)"
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        pattern += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        var values: [String: String] = [:]
        for (i, name) in names.enumerated() {
            guard let range = Range(m.range(at: i + 1), in: text) else { return nil }
            // The same placeholder twice must be the same value.
            if let seen = values[name], seen != String(text[range]) { return nil }
            values[name] = String(text[range])
        }
        return values
    }

    /// The template with each placeholder replaced by its value.
    static func put(_ values: [String: String], into template: String) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            out += rest[..<open]
            out += values[String(rest[rest.index(after: open)..<close])] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
