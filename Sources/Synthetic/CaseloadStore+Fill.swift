import Domain
import Store

extension CaseloadStore {
    /// Fills the file with customers `range` of a synthetic caseload and all
    /// their records (the covers with the first customer): the demo, `seed`
    /// and the tests use this one path.
    public func fill(from caseload: SyntheticCaseload, _ range: ClosedRange<Int>) throws {
        try fill(from: caseload, range, cases: range.map(caseload.intake))
    }

    /// The same, with the cases of `range` already made (`SyntheticCaseload.eachBatch`).
    public func fill(from caseload: SyntheticCaseload, _ range: ClosedRange<Int>, cases: [CaseRecords]) throws {
        try load("synthetic caseload: customers \(range.lowerBound) to \(range.upperBound)",
                 cases: cases, decisions: caseload.duplicateDecisions(range),
                 coverings: range.lowerBound == 1 ? caseload.coverings : [])
    }
}
