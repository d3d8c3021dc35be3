import Domain
import Foundation

/// The participant record extract (`careerplan report pirl`): one row per
/// participant served in the period, a column per PIRL element careerplan
/// holds, named by number and name (docs/pirl.md).
public struct ParticipantExtract: Sendable {
    public let rows: [[String]]

    public init(files: [ParticipantFile], matrix: ServicesMatrix, asOf: Day) {
        rows = files.sorted { $0.facts.customer.id < $1.facts.customer.id }
            .map { ParticipantRecord($0, matrix: matrix, asOf: asOf).values }
    }

    public var csv: String {
        ReportFormat.csv(columns: ParticipantRecord.elements.map(\.column), rows: rows)
    }
}
