/// The WIOA primary indicators of performance a center can read from what it
/// recorded (WIOA section 116; TEGL 10-16, Change 3). The sixth,
/// effectiveness in serving employers, is a state measure with no
/// participant behind it, so it is not here.
public enum PerformanceMeasure: String, CaseIterable, Codable, Sendable {
    case employmentQ2 = "employment-q2", employmentQ4 = "employment-q4", medianEarningsQ2 = "median-earnings-q2"
    case credential, skillGains = "skill-gains"

    /// As a supervisor reads it; a youth's employment measures also count education or training.
    public func label(youth: Bool = false) -> String {
        switch self {
        case .employmentQ2: youth ? "Education, training or employment, 2nd quarter after exit" : "Employment, 2nd quarter after exit"
        case .employmentQ4: youth ? "Education, training or employment, 4th quarter after exit" : "Employment, 4th quarter after exit"
        case .medianEarningsQ2: "Median earnings, 2nd quarter after exit"
        case .credential: "Credential attainment within a year of exit"
        case .skillGains: "Measurable skill gains"
        }
    }

    /// For a screen's line; a youth's employment measures are placements
    /// (education, training or employment).
    public func shortLabel(youth: Bool = false) -> String {
        switch self {
        case .employmentQ2: youth ? "Placed, 2nd quarter after exit" : "Employed, 2nd quarter after exit"
        case .employmentQ4: youth ? "Placed, 4th quarter after exit" : "Employed, 4th quarter after exit"
        case .medianEarningsQ2: "Median earnings, 2nd quarter"
        case .credential: "Credential within a year of exit"
        case .skillGains: "Measurable skill gains"
        }
    }

    /// Who is counted: the exiters of the period, or for skill gains those
    /// in education or training during it.
    public var cohort: String {
        switch self {
        case .employmentQ2, .employmentQ4, .medianEarningsQ2: "participants who exited in the period"
        case .credential: "exiters who were in education or training (not OJT or customized training)"
        case .skillGains: "participants in education or training during the period"
        }
    }
}

/// Where one participant stands on one measure, from the center's records.
public enum MeasureReading: String, Codable, Sendable {
    case met
    case notMet = "not met"
    /// Nothing recorded says either way, or the window has not closed yet:
    /// counted apart, never as a success or a failure.
    case notKnown = "not known"
}
