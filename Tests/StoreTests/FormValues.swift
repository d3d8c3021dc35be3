import Domain
import Store

/// The path a form's values take in the program, for the Store tests: the
/// Domain constructor checks them and makes the value (or throws its
/// problems), then the Store writes the value.
extension CaseloadStore {
    @discardableResult
    func addAssessment(_ v: [String: String], for c: CustomerID, by user: Staff?, today: Day) throws -> AssessmentRecord {
        try addAssessment(AssessmentRecord.checked(v, customer: c, recordedBy: user?.login ?? "", today: today).get(), by: user)
    }

    @discardableResult
    func correctAssessment(_ a: AssessmentRecord, with v: [String: String], by user: Staff?, today: Day) throws -> AssessmentRecord {
        try correctAssessment(a, to: a.correcting(v, today: today).get(), by: user)
    }

    @discardableResult
    func addBarrier(_ v: [String: String], for c: CustomerID, by user: Staff?, today: Day) throws -> BarrierRecord {
        try addBarrier(BarrierRecord.checked(v, customer: c, recordedBy: user?.login ?? "", today: today).get(), by: user)
    }

    @discardableResult
    func correctBarrier(_ b: BarrierRecord, with v: [String: String], by user: Staff?, today: Day) throws -> BarrierRecord {
        try correctBarrier(b, to: b.applying(v, today: today).get(), by: user)
    }

    @discardableResult
    func overcomeBarrier(_ b: BarrierRecord, with v: [String: String], by user: Staff?, today: Day) throws -> BarrierRecord {
        try overcomeBarrier(b, to: b.overcoming(v, by: user?.initials ?? "", today: today).get(), by: user)
    }

    @discardableResult
    func correctOutcome(_ o: Outcome, with v: [String: String], by user: Staff?, today: Day) throws -> Outcome {
        let enrolledOn = try customer(o.customer)?.enrolledOn
        return try correctOutcome(o, to: o.correcting(v, today: today, enrolledOn: enrolledOn).get(), by: user)
    }

    @discardableResult
    func updateReferral(_ r: Referral, with v: [String: String], by user: Staff?, today: Day) throws -> Referral {
        try updateReferral(r, to: r.moving(v, by: user?.login ?? "", today: today).get(), by: user)
    }

    @discardableResult
    func addPause(_ v: [String: String], for c: CustomerID, by user: Staff?, today: Day) throws -> Pause {
        let file = try caseFile(c)
        let pause = Pause.checked(v, customer: c, lastService: file?.customer.lastServiceOn, others: file?.work.pauses ?? [],
                                  by: user?.login ?? "", today: today)
        return try addPause(pause.get(), by: user)
    }

    @discardableResult
    func endPauseEarly(_ id: Int64, of c: CustomerID, with v: [String: String], by user: Staff?, today: Day) throws -> Pause {
        guard let p = try caseFile(c)?.work.pauses.first(where: { $0.id == id }) else { throw StoreError.notFound("pause \(id) of \(c)") }
        return try endPauseEarly(p, to: p.ending(v, by: user?.login ?? "", today: today).get(), by: user)
    }

    @discardableResult
    func addOtherService(_ v: [String: String], for c: CustomerID, by user: Staff?, today: Day) throws -> OtherProgramService {
        try addOtherService(OtherProgramService.checked(v, customer: c, by: user?.login ?? "", today: today).get(), by: user)
    }

    func declineFollowUp(_ v: [String: String], for c: CustomerID, by user: Staff?, today: Day) throws {
        let exitedOn = try customer(c)?.exitedOn
        try declineFollowUp(FollowUpDecline.checked(v, customer: c, exitedOn: exitedOn, by: user?.login ?? "", today: today).get(),
                            by: user)
    }

    @discardableResult
    func saveClockSettings(_ v: [String: String], by user: Staff?) throws -> ClockSettings {
        try saveClockSettings(ClockSettings.checked(v).get(), by: user)
    }

    func sendToGuardian(_ v: [String: String], customer c: CustomerID, by user: Staff?, today: Day) throws {
        try sendToGuardian(GuardianRequest.checked(v, customer: c, by: user?.login ?? "", today: today).get(), by: user)
    }
}
