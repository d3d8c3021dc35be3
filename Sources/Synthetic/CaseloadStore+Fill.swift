import Domain
import Store

extension CaseloadStore {
    /// Fills the file with customers `range` of a synthetic caseload and all
    /// their records (the covers with the first customer): the demo, `seed`
    /// and the tests use this one path.
    public func fill(from caseload: SyntheticCaseload, _ range: ClosedRange<Int>) throws {
        try load("synthetic caseload: customers \(range.lowerBound) to \(range.upperBound)",
                 cases: range.map(caseload.intake), decisions: caseload.duplicateDecisions(range),
                 coverings: range.lowerBound == 1 ? caseload.coverings : [])
    }
}
