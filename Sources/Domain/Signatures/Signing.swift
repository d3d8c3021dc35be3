/// Who must sign a plan and where each signature stands (003, 004): the
/// customer and the career planner; a youth under 18 on the signing day
/// also needs a parent or guardian. A signature whose digest no longer
/// matches the current plan is outdated.
public enum Signing {
    public static func roles(for c: Customer, on day: Day) -> [SignerRole] {
        c.birthDate.age(on: day) < 18 ? [.customer, .guardian, .planner] : [.customer, .planner]
    }

    /// Names match ignoring case, accents and extra spaces.
    public static func namesMatch(_ typed: String, _ onRecord: String) -> Bool {
        func norm(_ s: String) -> String { s.folded.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let t = norm(typed)
        return !t.isEmpty && t == norm(onRecord)
    }

    /// The sentence the signer confirms, shown on screen and on the copy.
    public static func attestation(_ role: SignerRole, customer: String) -> String {
        switch role {
        case .customer:
            "I took part in writing this Career Plan, I understand it, and I agree to work toward its goals."
        case .planner:
            "I developed this plan with \(customer) and will provide or arrange the services in it."
        case .guardian:
            "I am the parent or guardian of \(customer); I have read this plan and agree to it."
        }
    }

    public enum State: Hashable, Sendable {
        case notSigned
        case sentToGuardian(GuardianRequest)
        case signed(Signature)
        /// Signed, but the plan changed on `changedOn` after signing.
        case outdated(Signature, changedOn: Day?)

        public var isCurrent: Bool { if case .signed = self { true } else { false } }

        public var text: String {
            switch self {
            case .notSigned: "not signed"
            case .sentToGuardian(let r): "sent to guardian \(r.name) (\(r.relationship)) on \(r.sentOn)"
            case .signed(let s): s.summary
            case .outdated(let s, let on):
                "OUTDATED: signed \(s.signedOn); plan changed" + (on.map { " on \($0)" } ?? "") + " after signing"
            }
        }
    }

    /// Each required signer's state. `changes` gives, for a digest, the
    /// first day a later plan version differed from it.
    public static func states(customer c: Customer, plan: CareerPlan, signatures: [Signature],
                              guardian: GuardianRequest?, on day: Day,
                              changedOn: (Signature) -> Day? = { _ in nil }) -> [(role: SignerRole, state: State)] {
        let signingDay = signatures.filter { $0.role == .customer }.map(\.signedOn).max() ?? day
        return roles(for: c, on: signingDay).map { role in
            guard let latest = signatures.filter({ $0.role == role }).max(by: { $0.id < $1.id }) else {
                if role == .guardian, let guardian { return (role, .sentToGuardian(guardian)) }
                return (role, .notSigned)
            }
            if PlanDigest.matches(plan, latest.digest) { return (role, .signed(latest)) }
            if role == .guardian, let guardian, guardian.sentOn >= latest.signedOn { return (role, .sentToGuardian(guardian)) }
            return (role, .outdated(latest, changedOn: changedOn(latest)))
        }
    }

    /// Signed by everyone required, on the plan as it stands.
    public static func isSigned(_ states: [(role: SignerRole, state: State)]) -> Bool {
        !states.isEmpty && states.allSatisfy { $0.state.isCurrent }
    }

    /// The same on no particular day: until the customer signs, the plan is
    /// unsigned whoever else must sign; once they have, their signing day
    /// decides whether a guardian must. So it can be stored.
    public static func isSigned(customer c: Customer, plan: CareerPlan, signatures: [Signature],
                                guardian: GuardianRequest?) -> Bool {
        guard let signed = signatures.filter({ $0.role == .customer }).map(\.signedOn).max() else { return false }
        return isSigned(states(customer: c, plan: plan, signatures: signatures, guardian: guardian, on: signed))
    }
}
