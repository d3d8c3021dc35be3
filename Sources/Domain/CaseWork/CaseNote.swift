/// A case note (POLICY.md section 4): "if it isn't documented, it didn't
/// happen". Append-only: a correction is a new note that amends the
/// original, which stays readable.
public struct CaseNote: Hashable, Codable, Sendable {
    public var id: Int64
    public var customer: CustomerID
    public var kind: NoteKind
    /// The day of the contact, service or event the note is about.
    public var eventOn: Day
    /// The day it was written (the save day).
    public var enteredOn: Day
    public var author: String
    public var text: String
    /// The template's answers, by field key.
    public var answers: [String: String]
    /// Contact and follow-up notes: how the planner and customer talked.
    public var channel: ContactChannel?
    /// Only a two-way communication resets the regular-contact clock.
    public var twoWay: Bool
    /// What the note is about: a service, goal or referral of this customer.
    public var link: NoteLink?
    /// The note this one corrects.
    public var amends: Int64?

    public init(id: Int64, customer: CustomerID, kind: NoteKind, eventOn: Day, enteredOn: Day, author: String,
                text: String, answers: [String: String] = [:], channel: ContactChannel? = nil, twoWay: Bool = false,
                link: NoteLink? = nil, amends: Int64? = nil) {
        self.id = id
        self.customer = customer
        self.kind = kind
        self.eventOn = eventOn
        self.enteredOn = enteredOn
        self.author = author
        self.text = text
        self.answers = answers
        self.channel = channel
        self.twoWay = twoWay
        self.link = link
        self.amends = amends
    }

    /// Written more than 10 calendar days after the event (001). An
    /// amendment corrects a note already written: it is never late itself.
    public var isLate: Bool { amends == nil && eventOn.days(until: enteredOn) > ClockRule.noteEntry10.limit }

    /// A two-way contact: the only kind that resets `contact-30`.
    public var isTwoWayContact: Bool { channel != nil && twoWay }

    /// One line for lists: "Contact (phone, two-way): ..." with the template's answers first.
    public var summary: String {
        var head = kind.label
        if let channel { head += " (\(channel.label)\(twoWay ? ", two-way" : ", one-way"))" }
        if amends != nil { head = "Amendment to note \(amends!): " + head }
        let filled = NoteTemplate.fields(for: kind).compactMap { f -> String? in
            guard let v = answers[f.key], !v.isEmpty else { return nil }
            return "\(f.label.trimmingSpaces): \(f.display(v))"
        }
        return head + ": " + (filled + [text]).filter { !$0.isEmpty }.joined(separator: " · ")
    }
}

public enum NoteKind: String, Codable, CaseIterable, Sendable, Labeled {
    case general, contact, introduction, trainingNeed = "training-need", trainingBegin = "training-begin"
    case trainingEnd = "training-end", closure, followUp = "follow-up"

    public var label: String {
        switch self {
        case .general: "General"
        case .contact: "Contact"
        case .introduction: "Introduction"
        case .trainingNeed: "Determination of Training Need"
        case .trainingBegin: "Training Begin"
        case .trainingEnd: "Training End"
        case .closure: "Service Closure / Exit"
        case .followUp: "Follow-up"
        }
    }

    /// What the note is for, shown when choosing a template.
    public var purpose: String {
        switch self {
        case .general: "anything worth recording that is not a contact"
        case .contact: "a phone call, email, text, meeting or video call; two-way resets the contact clock"
        case .introduction: "status at participation and the need for services"
        case .trainingNeed: "suitability, labor market, employer demand, prerequisites"
        case .trainingBegin: "date, program, provider, approximate cost, planned end"
        case .trainingEnd: "date, program, completed or not, credential or license status"
        case .closure: "employed or not, employer, hire date, hours, wage, any exclusion"
        case .followUp: "a follow-up contact or service after exit"
        }
    }

    /// Notes that record a conversation with the customer.
    public var isContact: Bool { self == .contact || self == .followUp }
}

public enum ContactChannel: String, Codable, CaseIterable, Sendable, Labeled {
    case phone, email, text, inPerson = "in-person", video
    public var label: String { self == .inPerson ? "in person" : rawValue }
}

/// What a note is about, as stored: "service:12", "goal:3", "referral:7".
public struct NoteLink: Hashable, Codable, Sendable, CustomStringConvertible {
    public enum Kind: String, Codable, Sendable { case service, goal, referral }
    public var kind: Kind
    public var id: Int64

    public init(_ kind: Kind, _ id: Int64) {
        self.kind = kind
        self.id = id
    }

    public init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let kind = Kind(rawValue: String(parts[0])), let id = Int64(parts[1]) else { return nil }
        self.init(kind, id)
    }

    public var description: String { "\(kind.rawValue):\(id)" }
}
