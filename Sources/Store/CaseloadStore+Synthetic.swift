import Domain

extension CaseloadStore {
    /// Loads whole cases into the file as one audit entry ("`what`"): the
    /// customers, their duplicate decisions, every record of their cases and
    /// the staff's covers. The demo, `seed` and the tests fill their files
    /// through here (the synthetic caseload is its own target).
    public func load(_ what: String, cases: [CaseRecords], decisions: [DuplicateDecision] = [],
                     coverings: [Covering] = []) throws {
        try bulkLoad(what) {
            try insert(cases.lazy.map(\.customer))
            try insert(decisions: decisions)
            try insert(cases: cases)
            if !coverings.isEmpty { try write { db in for c in coverings { try Self.insert(c, at: timestamp(), db) } } }
        }
    }
}
