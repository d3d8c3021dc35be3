/// The language of the papers a customer takes home (the customer's copy of
/// the plan): asked on the application, chosen again when a copy is made,
/// and remembered from the last copy given. Only careerplan's own words
/// change; what the planner typed stays as typed.
public enum CopyLanguage: String, Codable, CaseIterable, Sendable, Labeled {
    case english = "en", spanish = "es"

    /// In its own language, as the customer would look for it.
    public var label: String {
        switch self {
        case .english: "English"
        case .spanish: "Español (Spanish)"
        }
    }

    /// The HTML `lang` attribute.
    public var code: String { rawValue }

    public init?(parsing text: String) {
        switch text.lowercased() {
        case "en", "english": self = .english
        case "es", "spanish", "español", "espanol": self = .spanish
        default: return nil
        }
    }
}

extension CopyLanguage {
    /// The customer's language for papers: the last copy's that was given
    /// in a chosen language, else the one asked on the application, else English.
    public static func preferred(application: Application?, copies: [PlanCopyRecord]) -> CopyLanguage {
        copies.last { $0.language != nil }?.language ?? application?.copyLanguage ?? .english
    }
}

extension Day {
    /// A date as people write it: "May 26, 2026"; "26 de mayo de 2026".
    public func spoken(_ language: CopyLanguage) -> String {
        switch language {
        case .english:
            let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                          "November", "December"]
            return "\(months[month - 1]) \(day), \(year)"
        case .spanish:
            let months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                          "noviembre", "diciembre"]
            return "\(day) de \(months[month - 1]) de \(year)"
        }
    }
}
