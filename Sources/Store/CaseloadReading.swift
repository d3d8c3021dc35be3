import Domain

/// The file-backed store is one reading of a caseload (Domain's
/// `CaseloadReading`); the screens see only that.
extension CaseloadStore: CaseloadReading {}
