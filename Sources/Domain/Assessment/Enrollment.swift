/// Enrollment (program entry): submitting Section 1 of the Getting Started
/// Assessment makes the customer a participant (003), within 90 days of
/// certification (003, `enrollment-90`).
public enum Enrollment {
    public static let limitDays = 90

    /// Days past the limit when enrolling on `day`; nil when on time.
    public static func daysLate(certifiedOn: Day, enrolledOn day: Day) -> Int? {
        let days = certifiedOn.days(until: day)
        return days > limitDays ? days - limitDays : nil
    }

    /// Why Section 1 cannot be submitted now; empty when it can.
    public static func problems(_ c: Customer, gsa: GettingStartedAssessment?, barriers: [BarrierRecord],
                                on day: Day) -> [String] {
        if c.enrolledOn != nil { return ["already enrolled on \(c.enrolledOn!)"] }
        guard let certified = c.eligibleOn else {
            return [c.program == .youth ? "eligibility is not certified yet: the assessment is kept and linked once certified"
                                        : "eligibility is not certified yet (e)"]
        }
        var found: [String] = []
        if day < certified { found.append("the enrollment date is before certification on \(certified)") }
        let incomplete = GSAPart.section1.filter { gsa?.isComplete($0, barriers: barriers) != true }
        if !incomplete.isEmpty {
            found.append("complete first: " + incomplete.map { $0.title.lowercased() }.joined(separator: ", "))
        }
        return found
    }

    /// The warning shown before and after enrolling late.
    public static func lateWarning(certifiedOn: Day, on day: Day) -> String? {
        daysLate(certifiedOn: certifiedOn, enrolledOn: day).map {
            "Enrollment is late: certified \(certifiedOn), \(certifiedOn.days(until: day)) days ago (limit \(limitDays)), \($0) day\($0 == 1 ? "" : "s") over"
        }
    }
}
