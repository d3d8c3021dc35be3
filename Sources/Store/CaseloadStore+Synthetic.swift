import Domain

extension CaseloadStore {
    /// Loads whole cases into the file as one audit entry ("`what`"): the
    /// customers, their duplicate decisions, every record of their cases and
    /// the staff's covers. The demo, `seed` and the tests fill their files
    /// through here (the synthetic caseload is its own target); `seed` makes
    /// each batch's bodies ahead on another core (`LoadAhead`).
    public func load(_ what: String, cases: PreparedCases, decisions: [DuplicateDecision] = [],
                     coverings: [Covering] = []) throws {
        // The due items are computed from the cases as written, not read back and decoded (a fifth of seeding).
        _ = try bulkLoad(what, facts: { $0 }) { () -> [CaseClockFacts] in
            try write { db in
                try Self.insert(zip(cases.cases, cases.terms).lazy.map { (c, terms) in (c.customer, terms: Optional(terms)) }, db)
            }
            try insert(decisions: decisions)
            let facts = try insert(cases: cases)
            if !coverings.isEmpty { try write { db in for c in coverings { try Self.insert(c, at: timestamp(), db) } } }
            return facts
        }
    }

    /// The same, the cases made ready here.
    public func load(_ what: String, cases: [CaseRecords], decisions: [DuplicateDecision] = [],
                     coverings: [Covering] = []) throws {
        let first = try read { try RecordNumbers(next: $0) }
        try load(what, cases: PreparedCases(cases, numberedFrom: first), decisions: decisions, coverings: coverings)
    }
}
