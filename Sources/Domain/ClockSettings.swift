/// A workforce area's choices where the seeds differ (POLICY.md section 3),
/// with the Illinois values as defaults.
public struct ClockSettings: Hashable, Codable, Sendable {
    /// Two-way contact interval (Illinois 30; Massachusetts 60).
    public var contactIntervalDays: Int
    /// Two-way contact interval for veterans (Massachusetts 30).
    public var veteranContactIntervalDays: Int
    /// Plan review interval (Illinois policy 90; the rubric asks 30).
    public var reviewIntervalDays: Int
    /// A clock this close to its due date is "due soon".
    public var warningWindowDays: Int

    public init(contactIntervalDays: Int = 30, veteranContactIntervalDays: Int = 30,
                reviewIntervalDays: Int = 90, warningWindowDays: Int = 7) {
        self.contactIntervalDays = contactIntervalDays
        self.veteranContactIntervalDays = veteranContactIntervalDays
        self.reviewIntervalDays = reviewIntervalDays
        self.warningWindowDays = warningWindowDays
    }

    public static let illinois = ClockSettings()
}
