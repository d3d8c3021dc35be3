/// What the participant record is built from: the case's facts (customer,
/// plan, case work) and the intake answers at entry.
public struct ParticipantFile: Sendable {
    public var facts: CaseClockFacts
    public var application: Application?
    public var screenings: [BasicSkillsScreening]

    public init(facts: CaseClockFacts, application: Application? = nil, screenings: [BasicSkillsScreening] = []) {
        self.facts = facts
        self.application = application
        self.screenings = screenings
    }
}
