import Domain

extension CaseloadStore {
    /// Fills the file with customers `range` of a synthetic caseload and all
    /// their records: the demo, `seed` and the tests use this one path.
    public func fill(from caseload: SyntheticCaseload, _ range: ClosedRange<Int>) throws {
        try bulkLoad("synthetic caseload: customers \(range.lowerBound) to \(range.upperBound)") {
            let intake = range.map(caseload.intake)
            try insert(intake.lazy.map(\.customer))
            try insert(decisions: caseload.duplicateDecisions(range))
            try insert(intake: intake)
            if range.lowerBound == 1 { try write { db in for c in caseload.coverings { try Self.insert(c, at: timestamp(), db) } } }
        }
    }
}
