import Domain

/// The file-backed store is one implementation of Domain's `Caseload`: the
/// loop runs the screens' requests against that interface and the screens
/// read through `CaseloadReading`, so neither knows which store it has.
extension CaseloadStore: Caseload {
    /// The matrix shipped with careerplan.
    public func servicesMatrix() throws -> ServicesMatrix { try ServicesMatrix.bundled() }
}
