import Foundation

/// The customer's own copy of the Career Plan (003, 004), in words a
/// customer understands and in their language: who their planner is and
/// when they will hear from them, goals with their steps and services, what
/// may get in the way and how the plan handles it, and the signatures, with
/// lines to sign by hand while anyone has not signed the plan as it stands.
/// Dates are written for people ("May 26, 2026"). One document, three
/// formats (CustomerCopy+Formats).
public struct CustomerCopy: Sendable {
    public enum Block: Hashable, Sendable {
        case title(String)
        case heading(String)
        case line(String)
        case item(level: Int, String)
        /// A line to sign by hand: who signs (their role), and their name printed under it.
        case signatureLine(role: String, name: String)
    }

    public var blocks: [Block]
    public var language: CopyLanguage
    /// The words of `language` the formats need too (the page foot, the sign lines).
    var words: CopyWords { .of(language) }

    /// `barriers`: the customer's barriers (the open ones are shown);
    /// `contactDue`: when the planner must next be in touch, if a clock says;
    /// `matrix`: to name the services that address each barrier and to put
    /// the matrix's wording into the customer's language.
    public init(customer c: Customer, plan: CareerPlan, version: Int, planner: Staff?,
                signatures: [(role: SignerRole, state: Signing.State)], printedOn: Day,
                barriers: [BarrierRecord] = [], contactDue: Day? = nil, matrix: ServicesMatrix? = nil,
                language: CopyLanguage = .english) {
        self.language = language
        let w = CopyWords.of(language)
        let say = { (day: Day) in day.spoken(language) }
        let isYouth = c.program == .youth
        var b: [Block] = [
            .title(w.title),
            .line(w.planName(isYouth) + " · " + w.law(c.program)),
            .line(w.forCustomer(c.displayName, c.id)),
            .line(w.versionPrinted(version, say(printedOn))),
        ]
        if let planner {
            b.append(.line(w.planner(planner.name, [planner.phone, planner.email].compactMap { $0 }.joined(separator: ", "))))
        }
        if let contactDue, contactDue >= printedOn { b.append(.line(w.inTouchBy(say(contactDue)))) }
        let signed = Signing.isSigned(signatures)
        b.append(.line(signed ? w.signedPlan : w.unsignedPlan))
        if isYouth { b += Self.pathway(plan, w) }
        func serviceName(_ v: PlanService) -> String {
            matrix?.serviceName(id: v.serviceID, named: v.name, in: language) ?? v.name
        }
        func wording(_ text: String) -> String { matrix?.wording(text, in: language) ?? text }
        for (gi, g) in plan.goals.enumerated() {
            b.append(.heading(w.goal(gi + 1, wording(g.text))))
            var about = w.timeFrame(g.horizon)
            if let target = g.targetDate { about += " · " + w.reachBy(say(target)) }
            about += " · " + w.goalStatus(g.status)
            b.append(.line(about))
            // The system's reasons ("recommended because: …") are for the planner, not the customer.
            if !g.justification.isEmpty, !g.justification.hasPrefix("recommended ") {
                b.append(.line("\(w.whyGoal): \(g.justification)"))
            }
            for (si, s) in g.steps.enumerated() {
                b.append(.item(level: 0, w.step("\(gi + 1).\(si + 1)", wording(s.text))
                               + (s.targetDate.map { " (\(w.stepBy(say($0))))" } ?? "") + " · \(w.stepStatus(s.status))"))
                for v in s.services {
                    b.append(.item(level: 1, "\(w.service): \(serviceName(v))"))
                    // Two lines a service: who and how it stands, then when; a plan of nine services fits three pages.
                    b.append(.item(level: 2, "\(w.providedBy): " + w.provider(v.provider, v.partnerName)
                                   + " · \(w.status): \(w.serviceStatus(v.status))" + (v.credential.map { " · \(w.credential): \($0)" } ?? "")))
                    var when = "\(w.when): " + w.dates(v.plannedStart.map(say), v.plannedEnd.map(say))
                    if let hours = v.weeklyHours {
                        when += " · " + w.hoursAWeek(hours == hours.rounded() ? String(Int(hours)) : String(hours), hours == 1)
                    }
                    b.append(.item(level: 2, when))
                }
            }
        }
        if plan.goals.isEmpty { b.append(.line(w.noGoals)) }
        b += Self.barriers(barriers.filter(\.isOpen), plan: plan, matrix: matrix, name: serviceName, wording: wording, w)
        if isYouth { b += Self.elements(plan, w, say: say, serviceName: serviceName) }
        b += Self.signatures(signatures, customer: c.displayName, planner: planner, guardian: Self.guardian(signatures), w, say: say)
        b.append(.line(w.keepThisCopy))
        // No control characters (a printed copy or a terminal must not be driven by data) and no SSN.
        let texts = Acronyms.spellOutFirst(b.map(\.text), legend: w.acronyms).map { Acronyms.withoutSSN(Self.printable($0)) }
        blocks = zip(b, texts).map { $0.with(text: $1) }
    }

    /// A youth's career pathway (ISS), before the goals that lead along it.
    static func pathway(_ plan: CareerPlan, _ w: CopyWords) -> [Block] {
        var b: [Block] = [.heading(w.pathwayHeading)]
        if let p = plan.pathway, !p.isOnlyNote {
            b.append(.line("\(w.leadsTo): \(p.occupation)" + (p.occupationCode.map { " (\(w.occupationCode) \($0))" } ?? "")))
            if let industry = p.industry { b.append(.line("\(w.industry): \(industry)" + (p.naics.map { " (\(w.industryCode) \($0))" } ?? ""))) }
            if let credentials = p.credentialPath { b.append(.line("\(w.credentialsAlong): \(credentials)")) }
            if let note = p.note { b.append(.line(note)) }
        } else if let note = plan.pathway?.note {
            b.append(.line(note))
        } else {
            b.append(.line(w.pathwayNotWritten))
        }
        return b
    }

    /// Each open barrier in plain words, the planner's plan for it, and the
    /// services on the plan that address it, or a gentle line where none does yet.
    static func barriers(_ open: [BarrierRecord], plan: CareerPlan, matrix: ServicesMatrix?,
                         name: (PlanService) -> String, wording: (String) -> String, _ w: CopyWords) -> [Block] {
        guard !open.isEmpty else { return [] }
        var b: [Block] = [.heading(w.barriersHeading)]
        for barrier in open {
            let title = barrier.kind == BarrierKind.other ? barrier.name : w.barrierName(barrier.kind) ?? barrier.name
            b.append(.item(level: 0, title))
            if !barrier.plan.isEmpty { b.append(.item(level: 1, "\(w.ourPlan): \(barrier.plan)")) }
            let helping = plan.allServices.filter { v in
                matrix?.service(v.serviceID)?.addresses?.contains(barrier.kind) == true && !v.status.isClosed
            }
            // A step that names the barrier addresses it too, as the plan's quality check counts it.
            let steps = plan.allSteps.filter { $0.status == .open && $0.text.folded.contains(barrier.name.folded) }
            if !helping.isEmpty {
                b.append(.item(level: 1, "\(w.servicesThatHelp): " + helping.map(name).joined(separator: "; ")))
            } else if !steps.isEmpty {
                b.append(.item(level: 1, "\(w.stepsThatHelp): " + steps.map { wording($0.text) }.joined(separator: "; ")))
            } else {
                b.append(.item(level: 1, w.noServiceYet))
            }
        }
        return b
    }

    /// What each of the fourteen youth program elements is for them (ISS).
    static func elements(_ plan: CareerPlan, _ w: CopyWords, say: (Day) -> String,
                         serviceName: (PlanService) -> String) -> [Block] {
        var b: [Block] = [.heading(w.elementsHeading)]
        for e in 1...14 {
            let mark = plan.mark(e)
            let by = mark?.service.flatMap { id in plan.allServices.first { $0.id == id }.map(serviceName) }
            let text = w.element(mark?.decision, mark.map { say($0.on) }, mark?.until.map(say), by, mark?.note)
            b.append(.item(level: 0, "\(w.elementName(e)): \(text)"))
        }
        return b
    }

    /// Who signed and how; then, while anyone has not signed the plan as it
    /// stands, the sentence each confirms and a line to sign by hand.
    static func signatures(_ states: [(role: SignerRole, state: Signing.State)], customer: String, planner: Staff?,
                           guardian: String?, _ w: CopyWords, say: (Day) -> String) -> [Block] {
        var b: [Block] = [.heading(w.signaturesHeading)]
        for s in states {
            let text: String = switch s.state {
            case .notSigned: w.notSignedYet
            case .sentToGuardian(let r): w.sentToGuardian(r.name, r.relationship, say(r.sentOn))
            case .signed(let sig): w.signedBy(sig.signerName, say(sig.signedOn), w.method(sig.method, say(sig.paperReturnedOn ?? sig.signedOn)))
            case .outdated(let sig, let on): w.signAgain(sig.signerName, say(sig.signedOn), on.map(say))
            }
            b.append(.item(level: 0, "\(w.role(s.role)): " + text))
        }
        let unsigned = states.filter { !$0.state.isCurrent }
        guard !unsigned.isEmpty else { return b }
        b.append(.line(w.signHere + ":"))
        for s in unsigned {
            b.append(.line(w.attestation(s.role, customer)))
            let name: String = switch s.role {
            case .customer: customer
            case .planner: planner?.name ?? ""
            case .guardian: guardian ?? ""
            }
            b.append(.signatureLine(role: w.role(s.role), name: name))
        }
        return b
    }

    /// The guardian's name, when the record has one (a request sent, or a signature).
    static func guardian(_ states: [(role: SignerRole, state: Signing.State)]) -> String? {
        for s in states where s.role == .guardian {
            switch s.state {
            case .sentToGuardian(let r): return r.name
            case .signed(let sig), .outdated(let sig, _): return sig.signerName
            case .notSigned: return nil
            }
        }
        return nil
    }

    static func printable(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map {
            // Controls, and the bidirectional overrides that could reorder what a reader sees.
            $0.properties.generalCategory == .control || (0x202A...0x202E).contains($0.value)
                || (0x2066...0x2069).contains($0.value) ? " " : $0
        }))
    }
}

extension CustomerCopy.Block {
    var text: String {
        switch self {
        case .title(let t), .heading(let t), .line(let t), .item(_, let t): t
        case .signatureLine(_, let name): name
        }
    }

    func with(text t: String) -> Self {
        switch self {
        case .title: .title(t)
        case .heading: .heading(t)
        case .line: .line(t)
        case .item(let level, _): .item(level: level, t)
        case .signatureLine(let role, _): .signatureLine(role: role, name: t)
        }
    }
}
