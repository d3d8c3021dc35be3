import Domain

/// The whole data file as JSON (docs/export-format.md). Export then import
/// then export gives the same bytes: keys are sorted, records ordered.
public struct DataExport: Codable, Equatable, Sendable {
    public static let formatName = "careerplan-export"
    public static let currentVersion = 1

    public var format: String
    public var version: Int
    public var settings: [String: String]
    public var staff: [Staff]
    public var customers: [Customer]

    public init(settings: [String: String], staff: [Staff], customers: [Customer]) {
        format = Self.formatName
        version = Self.currentVersion
        self.settings = settings
        self.staff = staff
        self.customers = customers
    }
}
