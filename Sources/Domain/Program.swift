/// WIOA Title IB programs (POLICY.md, "Words").
public enum Program: String, CaseIterable, Codable, Sendable {
    case adult = "adult"
    case dislocatedWorker = "dislocated-worker"
    case youth = "youth"

    public var name: String {
        switch self {
        case .adult: "Adult"
        case .dislocatedWorker: "Dislocated Worker"
        case .youth: "Youth"
        }
    }

    /// Fits a narrow column.
    public var shortName: String {
        switch self {
        case .adult: "Adult"
        case .dislocatedWorker: "DW"
        case .youth: "Youth"
        }
    }

    /// Adults and dislocated workers get an IEP, youth an ISS.
    public var planName: String { self == .youth ? "ISS" : "IEP" }
}
