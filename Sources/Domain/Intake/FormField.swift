/// One field of a data-entry form, described as data so that any screen can
/// draw it and the Domain can check it. Values are always kept as typed
/// text: a choice holds its option's `value`, a toggle "yes" or "".
public struct FormField: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case text
        /// A long answer in words (a note, the customer's own words, a
        /// goal's wording): edited over several wrapped rows.
        case paragraph
        case date
        /// One of a fixed list; the first option is the default.
        case choice([FormChoice])
        /// Yes or no.
        case toggle
    }

    public var key: String
    public var label: String
    public var kind: Kind
    /// A short example or explanation shown while the field has focus.
    public var hint: String?
    /// Starts a new section with this heading.
    public var section: String?
    public var isRequired: Bool

    public init(_ key: String, _ label: String, _ kind: Kind = .text, hint: String? = nil,
                section: String? = nil, required: Bool = false) {
        self.key = key
        self.label = label
        self.kind = kind
        self.hint = hint
        self.section = section
        isRequired = required
    }

    /// The value text shown for a stored value: an option's label for a choice.
    public func display(_ value: String) -> String {
        switch kind {
        case .text, .paragraph, .date: value
        case .toggle: value == FormField.yes ? "yes" : "no"
        case .choice(let options): options.first { $0.value == value }?.label ?? value
        }
    }

    /// Typed words, one line or several (not a date, a choice or a toggle).
    public var isTyped: Bool { kind == .text || kind == .paragraph }

    public static let yes = "yes"
}

public struct FormChoice: Hashable, Sendable {
    public var value: String
    public var label: String

    public init(_ value: String, _ label: String) {
        self.value = value
        self.label = label
    }
}

/// An enum whose cases are the options of a choice field.
public protocol Labeled: RawRepresentable<String>, CaseIterable, Hashable, Sendable {
    var label: String { get }
}

extension Labeled {
    public static var choices: [FormChoice] { allCases.map { FormChoice($0.rawValue, $0.label) } }
}
