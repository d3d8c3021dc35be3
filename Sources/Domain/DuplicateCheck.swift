/// Possible duplicates of a new customer: the same name and date of birth,
/// the same email, or the same phone. Only ever a warning: people share
/// names and phones, so a person decides, and nothing is merged.
public enum DuplicateCheck {
    public struct Match: Hashable, Sendable {
        public var customer: Customer
        /// "same name and date of birth", "same email", "same phone".
        public var reasons: [String]
    }

    public static func matches(for new: Customer, among candidates: [Customer]) -> [Match] {
        candidates.compactMap { old in
            guard old.id != new.id else { return nil }
            var reasons: [String] = []
            let names = [old.legalName, old.preferredName].compactMap { $0?.folded }
            if old.birthDate == new.birthDate, names.contains(new.legalName.folded)
                || new.preferredName.map({ names.contains($0.folded) }) == true {
                reasons.append("same name and date of birth")
            }
            if let e = new.email, let o = old.email, e.lowercased() == o.lowercased() {
                reasons.append("same email")
            }
            if let p = new.phone, p == old.phone { reasons.append("same phone") }
            return reasons.isEmpty ? nil : Match(customer: old, reasons: reasons)
        }
    }
}
