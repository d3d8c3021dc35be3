/// What a signer types and chooses on the Signatures screen.
public struct SigningRequest: Sendable {
    public var role: SignerRole
    public var typedName: String
    public var guardianName: String?
    public var relationship: String?
    public var method: SignatureMethod
    public var paperReturnedOn: Day?
    public var attested: Bool
    /// Signing as career planner for the customer's planner (login), by
    /// someone who is not that planner.
    public var forPlanner: String?

    public init(role: SignerRole, typedName: String, guardianName: String? = nil, relationship: String? = nil,
                method: SignatureMethod, paperReturnedOn: Day? = nil, attested: Bool, forPlanner: String? = nil) {
        self.forPlanner = forPlanner
        self.role = role
        self.typedName = typedName
        self.guardianName = guardianName
        self.relationship = relationship
        self.method = method
        self.paperReturnedOn = paperReturnedOn
        self.attested = attested
    }
}
