/// One customer's history in one list, newest first: notes, services,
/// assessments, referrals, outcomes, pauses, services in other programs and the exit.
public struct TimelineEntry: Hashable, Sendable {
    public enum Source: Hashable, Sendable {
        case note(CaseNote), service, assessment, referral, outcome, pause, exit, enrollment, signature, planReview
    }

    public var on: Day
    /// "Note", "Service", "Outcome" ...
    public var kind: String
    public var text: String
    public var by: String
    /// Shown as a marker: late entry, open referral.
    public var flag: String?
    public var source: Source

    /// Matches a search the way a person types it: any case, no accents.
    public func matches(_ query: String) -> Bool {
        let q = query.folded.trimmingSpaces
        return q.isEmpty || "\(on) \(kind) \(text) \(by)".folded.contains(q)
    }
}

public enum Timeline {
    public static func entries(customer c: Customer, work: CaseWork, plan: CareerPlan?,
                               assessments: [AssessmentRecord]) -> [TimelineEntry] {
        var out: [TimelineEntry] = []
        for n in work.notes {
            let late = n.isLate ? "late: entered \(n.enteredOn)" : nil
            out.append(TimelineEntry(on: n.eventOn, kind: n.amends == nil ? "Note" : "Amendment", text: n.summary,
                                     by: n.author, flag: late, source: .note(n)))
        }
        if let enrolled = c.enrolledOn {
            out.append(TimelineEntry(on: enrolled, kind: "Enrolled", text: "Became a participant (GSA Section 1 submitted)",
                                     by: c.planner ?? "", source: .enrollment))
        }
        for e in plan?.episodes ?? [] where e.isReviewWithoutChanges {
            out.append(TimelineEntry(on: e.on, kind: "Plan", text: "Plan reviewed with the customer; nothing changed",
                                     by: e.by, source: .planReview))
        }
        for s in plan?.allServices ?? [] {
            if let start = s.actualStart {
                let late = PlanRules.lateStart(s) != nil ? s.startRecordedOn.map { "late: entered \($0)" } : nil
                out.append(TimelineEntry(on: start, kind: "Service", text: "Started \(s.name) (\(s.providerLabel))",
                                         by: "", flag: late, source: .service))
            }
            if let done = s.completedOn {
                let late = PlanRules.lateClosing(s) != nil ? s.closedRecordedOn.map { "late: entered \($0)" } : nil
                out.append(TimelineEntry(on: done, kind: "Service", text: "\(s.status.label): \(s.name)"
                                         + (s.credential.map { ", credential \($0)" } ?? ""), by: "", flag: late, source: .service))
            }
        }
        for a in assessments {
            guard let on = a.administeredOn else { continue }
            out.append(TimelineEntry(on: on, kind: "Assessment", text: a.name + (a.result.map { ": \($0)" } ?? ""),
                                     by: a.givenBy, source: .assessment))
        }
        for r in work.referrals {
            for change in r.history {
                out.append(TimelineEntry(on: change.on, kind: "Referral", text: "\(r.partnerName): \(change.status.label)"
                                         + (change.status == .sent ? " (\(r.reason))" : ""),
                                         by: change.by, flag: r.isOpen && change == r.history.last ? "open" : nil,
                                         source: .referral))
            }
        }
        for o in work.outcomes {
            out.append(TimelineEntry(on: o.on, kind: "Outcome", text: o.summary, by: o.recordedBy,
                                     flag: o.isLate ? "late: entered \(o.enteredOn)" : nil, source: .outcome))
        }
        for p in work.pauses {
            out.append(TimelineEntry(on: p.startOn, kind: "Pause", text: "Until \(p.endOn): \(p.reason.label), \(p.detail)",
                                     by: p.recordedBy, source: .pause))
        }
        for s in work.otherServices {
            out.append(TimelineEntry(on: s.on, kind: "Service",
                                     text: "\(s.programName): \(s.service)" + (s.scheduled ? " (scheduled)" : ""),
                                     by: s.recordedBy, source: .service))
        }
        for sig in work.signatures {
            out.append(TimelineEntry(on: sig.signedOn, kind: "Signature",
                                     text: "\(sig.role.label) \(sig.signerName) signed plan version \(sig.planVersion) \(sig.method.label)",
                                     by: sig.capturedBy, source: .signature))
        }
        if let e = work.exit {
            out.append(TimelineEntry(on: e.exitOn, kind: "Exit", text: e.summary, by: e.recordedBy, source: .exit))
        }
        if let d = work.followUpDeclined {
            out.append(TimelineEntry(on: d.on, kind: "Follow-up", text: "Declined follow-up: \(d.reason)", by: d.recordedBy,
                                     source: .exit))
        }
        // Newest first; on one day, notes after the events they document.
        return out.enumerated().sorted { a, b in
            a.element.on != b.element.on ? a.element.on > b.element.on : a.offset < b.offset
        }.map(\.element)
    }
}
