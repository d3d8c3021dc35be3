import Domain
import Store

extension CaseloadStore {
    /// Fills the file with customers `range` of a synthetic caseload and all
    /// their records (the covers with the first customer): the demo, `seed`
    /// and the tests use this one path.
    public func fill(from caseload: SyntheticCaseload, _ range: ClosedRange<Int>) throws {
        try load(caseload.loadName(range), cases: range.map(caseload.intake), decisions: caseload.duplicateDecisions(range),
                 coverings: range.lowerBound == 1 ? caseload.coverings : [])
    }

    /// The same, with the cases of `range` already made and prepared (`SyntheticCaseload.eachBatch`, `LoadAhead`).
    public func fill(from caseload: SyntheticCaseload, _ range: ClosedRange<Int>, prepared: PreparedCases) throws {
        try load(caseload.loadName(range), cases: prepared, decisions: caseload.duplicateDecisions(range),
                 coverings: range.lowerBound == 1 ? caseload.coverings : [])
    }
}

extension SyntheticCaseload {
    /// The audit trail's name for one load of it.
    func loadName(_ range: ClosedRange<Int>) -> String {
        "synthetic caseload: customers \(range.lowerBound) to \(range.upperBound)"
    }
}
