/// The WIOA primary indicators of performance a center can read from what it
/// recorded (WIOA section 116; TEGL 10-16, Change 3). The sixth,
/// effectiveness in serving employers, is a state measure with no
/// participant behind it, so it is not here.
public enum PerformanceMeasure: String, CaseIterable, Codable, Sendable {
    case employmentQ2 = "employment-q2", employmentQ4 = "employment-q4", medianEarningsQ2 = "median-earnings-q2"
    case credential, skillGains = "skill-gains"

    /// As a supervisor reads it; a youth's employment measures also count education or training.
    public func label(youth: Bool = false) -> String { names(youth: youth).long }

    /// For a screen's line; a youth's employment measures are placements.
    public func shortLabel(youth: Bool = false) -> String { names(youth: youth).short }

    private func names(youth: Bool) -> (long: String, short: String) {
        let placed = youth ? "Education, training or employment" : "Employment"
        switch self {
        case .employmentQ2: return ("\(placed), 2nd quarter after exit", (youth ? "Placed" : "Employed") + ", 2nd quarter after exit")
        case .employmentQ4: return ("\(placed), 4th quarter after exit", (youth ? "Placed" : "Employed") + ", 4th quarter after exit")
        case .medianEarningsQ2: return ("Median earnings, 2nd quarter after exit", "Median earnings, 2nd quarter")
        case .credential: return ("Credential attainment within a year of exit", "Credential within a year of exit")
        case .skillGains: return ("Measurable skill gains", "Measurable skill gains")
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
