import ArgumentParser
import Domain
import Foundation
import PostgresStore
import Store

/// What the reports read, from either store: the same Domain values, each
/// store checking the role and the planner's reach.
protocol ReportSource {
    var path: String { get }
    func staff(login: String) throws -> Staff?
    func clockSettings() throws -> ClockSettings
    func servicesMatrix() throws -> ServicesMatrix
    func clockFacts(planner: String?, by user: Staff?, asOf: Day) throws -> [CaseClockFacts]
    func qualityFacts(planner: String?, by user: Staff?, asOf: Day, matrix: ServicesMatrix) throws -> [QualityFacts]
    func participantFacts(from: Day, to: Day, planner: String?, by user: Staff?) throws -> [CaseClockFacts]
    func participantFiles(from: Day, to: Day, planner: String?, by user: Staff?) throws -> [ParticipantFile]
}

extension CaseloadStore: ReportSource {}
extension PostgresCaseload: ReportSource {}

extension DataFileOption {
    /// Signs in for a report on either store; an unknown `--planner` exits with status 2 and says so.
    func signIn(planner: String?) throws -> (store: any ReportSource, user: Staff, close: () -> Void) {
        let (caseload, user, close) = try signInCaseload()
        guard let source = caseload as? any ReportSource else { throw PostgresOption.notYet("reports") }
        if let planner, try source.staff(login: planner) == nil {
            FileHandle.standardError.write(Data("careerplan: no staff member with login \"\(planner)\" in \(source.path)\n".utf8))
            close()
            throw ExitCode(2)
        }
        return (source, user, close)
    }
}
