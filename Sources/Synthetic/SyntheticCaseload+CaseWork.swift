import Foundation
import Domain

/// The synthetic caseload's case work: an Introduction note at enrollment,
/// a contact note for each service started (a few missing, so the demo has
/// overdue notes), the last two-way contact, referrals for some barriers,
/// an exit note and employment outcome for those placed, and quarterly
/// follow-up contacts.
extension SyntheticCaseload {
    func caseWork(for out: CaseRecords) -> CaseWork {
        let c = out.customer
        guard let enrolled = c.enrolledOn, let plan = out.plan else { return CaseWork() }
        let planner = c.planner ?? "dbrooks"
        let n = Int(c.id.number)
        var work = CaseWork()
        func note(_ kind: NoteKind, _ on: Day, _ text: String, answers: [String: String] = [:],
                  channel: ContactChannel? = nil, link: NoteLink? = nil, late: Int = 1) {
            work.notes.append(CaseNote(id: 0, customer: c.id, kind: kind, eventOn: on, enteredOn: min(today, on.adding(days: late)),
                                       author: planner, text: text, answers: answers, channel: channel,
                                       twoWay: channel != nil, link: link))
        }
        let situation = out.application?.employment == .employed ? "employed, looking for better pay" : "not employed"
        note(.introduction, enrolled, "Met to review the Getting Started Assessment and agree the plan.",
             answers: ["status": situation, "need": "career planning and job search help toward the goal"], late: 0)
        for s in plan.allServices {
            guard let started = s.actualStart, started <= today else { continue }
            // Every twelfth customer's job search has no note yet: an overdue note in the demo.
            if s.serviceID == "job-search-placement" && n % 12 == 4 { continue }
            note(.contact, started, "Talked through \(s.name); next steps agreed.",
                 channel: n % 3 == 0 ? .phone : .inPerson, link: NoteLink(.service, Int64(s.id)), late: n % 11 == 0 ? 12 : 1)
        }
        if let last = c.lastContactOn, last > enrolled, c.exitedOn == nil {
            note(.contact, last, "Checked in on progress with the plan.", channel: n % 2 == 0 ? .phone : .video)
        }
        if let b = out.barriers.first(where: { $0.kind == "single-parent" || $0.kind == "housing" || $0.kind == "homeless" }) {
            var r = Referral(id: 0, customer: c.id, partner: b.kind == "single-parent" ? .childCare : .housing,
                             sentOn: enrolled.adding(days: 2), reason: "needs help with \(b.name)",
                             recordedBy: planner)
            if enrolled.adding(days: 20) <= today {
                r.status = n % 2 == 0 ? .accepted : .completed
                r.history.append(ReferralChange(status: r.status, on: enrolled.adding(days: 20), by: planner))
            }
            work.referrals.append(r)
        }
        if out.application?.lowIncome == true, n % 4 == 0 {
            work.referrals.append(Referral(id: 0, customer: c.id, partner: .snap, sentOn: enrolled.adding(days: 1),
                                           reason: "household income qualifies for food assistance", recordedBy: planner))
        }
        // The plan signed at enrollment by customer and planner; every twelfth (from the 10th) still awaits it.
        if n % 12 != 10 {
            let digest = PlanDigest.digest(plan)
            func signature(_ role: SignerRole, _ name: String) -> Signature {
                Signature(id: 0, customer: c.id, role: role, signerName: name, method: .terminal, signedOn: enrolled,
                          capturedAt: "\(enrolled)T17:05:00Z", capturedBy: planner, planVersion: 1, digest: digest)
            }
            work.signatures = [signature(.customer, c.legalName), signature(.planner, staff.first { $0.login == planner }?.name ?? planner)]
            // Most signed plans were printed for the customer at once.
            if n % 3 != 0 { work.copies = [PlanCopyRecord(customer: c.id, planVersion: 1, on: enrolled, by: planner)] }
            if c.birthDate.age(on: enrolled) < 18 {
                work.guardianRequest = GuardianRequest(customer: c.id, name: "Parent of \(c.legalName)", relationship: "parent",
                                                       sentOn: enrolled, sentBy: planner)
            }
        }
        // Dislocated workers are often co-enrolled in the employment service: a
        // workshop there on their last day of WIOA service, and for every
        // fourth a trade (TAA) orientation ahead, which holds the automatic exit.
        if c.program == .dislocatedWorker, c.exitedOn == nil, let last = c.lastServiceOn, n % 2 == 0 {
            work.otherServices.append(OtherProgramService(id: 0, customer: c.id, program: .wagnerPeyser,
                                                          service: "job search workshop", on: last, scheduled: false,
                                                          recordedBy: planner, recordedOn: last))
            if n % 4 == 2 {
                work.otherServices.append(OtherProgramService(id: 0, customer: c.id, program: .trade,
                                                              service: "training orientation", on: today.adding(days: 21),
                                                              scheduled: true, recordedBy: planner, recordedOn: today))
            }
        }
        work.outcomes += trainingOutcomes(for: c, target: out.gsa?["targetOccupation"] ?? "", planner: planner)
        guard let exit = c.exitedOn else { return work }
        if let employed = c.employedOn {
            let employer = Self.employers[n % Self.employers.count]
            let codes = Self.employerCodes[n % Self.employers.count]
            // Wages and hours differ, so the median earnings mean something.
            let (wage, hours) = (String(format: "%.2f", 15.5 + Double(n % 7) * 1.25), ["40", "36", "32", "24"][n % 4])
            note(.closure, exit, "Placed in employment; services closed.",
                 answers: ["employed": "yes", "employer": employer, "hireDate": employed.description, "hours": hours,
                           "wage": wage], late: 2)
            // One in six placed has no employment outcome recorded yet: the job is
            // known from the closure note and the follow-up calls, its earnings are not.
            if n % 36 != 6 {
                work.outcomes.append(Outcome(id: 0, customer: c.id, kind: .employment, on: employed, knownOn: max(employed, exit),
                                             enteredOn: max(employed, exit).adding(days: 2), recordedBy: planner,
                                             answers: ["employer": employer, "hours": hours, "wage": wage,
                                                       "occupation": out.gsa?["targetOccupation"] ?? "customer service",
                                                       "occupationCode": codes.soc, "naics": codes.naics, "related": "yes"]))
            }
        } else {
            note(.closure, exit, "No service for some time; exit recorded.", answers: ["employed": "no"], late: 2)
        }
        work.exit = ExitRecord(customer: c.id, exitOn: exit, kind: .planned, recordedBy: planner, recordedOn: exit.adding(days: 2))
        if let window = FollowUp(for: c) {
            // Contacts made for past quarters, except the latest of every fifth customer (but the 35th).
            for (i, due) in window.contactsDue.enumerated() where due <= today && !(n % 5 == 0 && n % 7 != 0 && i > 0) {
                let status = Self.followUpStatus(c, n: n, quarter: i)
                note(.followUp, due.adding(days: -5), "Follow-up call: \(status.label).",
                     answers: ["status": status.rawValue, "employment": c.employedOn == nil ? "looking for work" : "still employed"],
                     channel: .phone)
            }
        }
        return work
    }

    /// What a follow-up contact learned: most placed customers still work
    /// (one in seven lost the job by the second contact); of the others, a
    /// youth is often back in school, and some contacts learn nothing. So the
    /// performance reading has participants met, not met and not known.
    static func followUpStatus(_ c: Customer, n: Int, quarter: Int) -> FollowUpStatus {
        if c.employedOn != nil { return n % 7 == 3 && quarter > 0 ? .notEmployed : .employed }
        if c.program == .youth, n % 2 == 0 { return .education }
        return n % 3 == 0 ? .unknown : .notEmployed
    }

    static let employers = ["Lakeview Hospital", "Midway Logistics", "Northside Credit Union", "Harbor Foods",
                            "City Colleges of Chicago", "Prairie Home Health"]
    /// Each employer's usual hire as codes: SOC occupation, NAICS industry.
    static let employerCodes = [(soc: "31-1131", naics: "6221"), (soc: "53-7062", naics: "4931"), (soc: "43-3071", naics: "5221"),
                                (soc: "35-2014", naics: "7225"), (soc: "43-6014", naics: "6112"), (soc: "31-1122", naics: "6216")]
}
