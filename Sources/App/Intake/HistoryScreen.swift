import Domain
import TerminalKit

/// The eligibility history of one customer: when the application was saved,
/// the certification, and every amendment with its reason and changes.
enum HistoryScreen {
    static func make(session: Session, file: CaseFile) -> ReadingScreen {
        var out: [ReadingScreen.Entry] = []
        if let saved = file.applicationSaved {
            out.append(("Application last saved \(AreaTime.shown(saved.at, in: .current)) by \(saved.by)", .normal))
        } else {
            out.append(("No application yet.", .dim))
        }
        if let c = file.certification {
            out.append(("Certified \(c.certifiedOn) by \(c.certifiedBy): " + c.titles.map(\.name).joined(separator: ", "), .normal))
            if let late = c.lateReason { out.append(("  late, because: \(late)", .dim)) }
            if let why = c.undocumentedReason { out.append(("  without every document, because: \(why)", .dim)) }
        }
        if file.amendments.isEmpty, file.certification != nil {
            out.append(("No amendments since certification.", .dim))
        }
        for a in file.amendments.reversed() {
            out.append(("", .normal))
            out.append(("Amended \(a.amendedAt) by \(a.amendedBy): \(a.reason)", .header))
            for change in a.changes { out.append(("  \(change.field): \(change.old) → \(change.new)", .normal)) }
        }
        return ReadingScreen(title: "Eligibility history", header: "\(file.customer.displayName) \(file.customer.id)", entries: out)
    }
}
