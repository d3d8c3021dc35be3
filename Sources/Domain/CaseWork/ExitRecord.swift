/// How and when a customer left the program. The date is the last day of
/// service (003), whichever way the exit was made.
public struct ExitRecord: Hashable, Codable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case planned, automatic
    }

    public var customer: CustomerID
    public var exitOn: Day
    public var kind: Kind
    public var recordedBy: String
    public var recordedOn: Day

    public init(customer: CustomerID, exitOn: Day, kind: Kind, recordedBy: String, recordedOn: Day) {
        self.customer = customer
        self.exitOn = exitOn
        self.kind = kind
        self.recordedBy = recordedBy
        self.recordedOn = recordedOn
    }

    public var summary: String {
        kind == .automatic ? "Exited automatically on \(recordedOn): no service for 90 days; exit date \(exitOn)"
            : "Exited by \(recordedBy) on \(recordedOn); exit date \(exitOn) (last day of service)"
    }
}
