extension Signing {
    /// Who signs, as the record names them: the customer's name on record
    /// that the typed name matched, the planner's own name, or the guardian
    /// on record with their relationship; refused, in words, when the
    /// statement is not confirmed, a name does not match, or a printed copy
    /// has no (or a future) day it came back. Both stores ask this.
    public static func signer(of r: SigningRequest, customer c: Customer, user: Staff, guardian request: GuardianRequest?,
                              today: Day) throws -> (name: String, relationship: String?) {
        guard r.attested else { throw StoreError.invalid("the signer must confirm the statement") }
        var signer: (name: String, relationship: String?)
        switch r.role {
        case .customer:
            guard let matched = [c.legalName, c.preferredName].compactMap({ $0 }).first(where: { namesMatch(r.typedName, $0) }) else {
                throw StoreError.invalid("the name typed does not match the customer's name on record (\(c.legalName))")
            }
            signer = (matched, nil)
        case .planner:
            guard namesMatch(r.typedName, user.name) else {
                throw StoreError.invalid("the name typed does not match your name on record (\(user.name))")
            }
            signer = (user.name, nil)
        case .guardian:
            guard let onRecord = request?.name ?? r.guardianName.flatMap({ $0.isEmpty ? nil : $0 }) else {
                throw StoreError.invalid("record the guardian's name and relationship first")
            }
            guard namesMatch(r.typedName, onRecord) else {
                throw StoreError.invalid("the name typed does not match the guardian's name on record (\(onRecord))")
            }
            let relationship = request?.relationship ?? r.relationship
            guard !(relationship ?? "").isEmpty else { throw StoreError.invalid("record the guardian's relationship") }
            signer = (onRecord, relationship)
        }
        if r.method == .paper {
            guard let back = r.paperReturnedOn else { throw StoreError.invalid("a printed copy needs the day it came back") }
            guard back <= today else { throw StoreError.invalid("the day the paper came back is in the future") }
        }
        return signer
    }
}
