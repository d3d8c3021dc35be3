/// The policy clocks of POLICY.md section 3: one engine, `schedule` (in
/// CaseClocks.swift), which the dashboard, the reports and the due table all
/// read. Days are calendar days; a deadline on a weekend is not moved.
public enum Deadlines {
    /// Overdue the day after the due date; due soon from `warningWindowDays`
    /// before it through the due date itself.
    public static func state(due: Day, on today: Day, settings: ClockSettings) -> ClockState {
        if today > due { return .overdue }
        if today.days(until: due) <= settings.warningWindowDays { return .dueSoon }
        return .upcoming
    }
}
