import Foundation

/// The customer's own copy of the Career Plan (003, 004), in words a
/// customer understands: goals with their steps and services, dates,
/// providers, weekly hours, the planner's contact details, each signature,
/// and whether the plan is signed. One document, three formats.
public struct CustomerCopy: Sendable {
    public enum Block: Hashable, Sendable {
        case title(String)
        case heading(String)
        case line(String)
        case item(level: Int, String)
    }

    public var blocks: [Block]

    public init(customer c: Customer, plan: CareerPlan, version: Int, planner: Staff?,
                signatures: [(role: SignerRole, state: Signing.State)], printedOn: Day) {
        let isYouth = c.program == .youth
        let planName = isYouth ? "Individual Service Strategy (ISS)" : "Individual Employment Plan (IEP)"
        var b: [Block] = [
            .title("Your Career Plan"),
            .line("\(planName), Workforce Innovation and Opportunity Act (WIOA) \(c.program?.name ?? "") program"),
            .line("For: \(c.displayName), customer number \(c.id)"),
            .line("Plan version \(version), printed \(printedOn)"),
        ]
        if let planner {
            let contact = [planner.phone, planner.email].compactMap { $0 }.joined(separator: ", ")
            b.append(.line("Your career planner: \(planner.name)" + (contact.isEmpty ? "" : " (\(contact))")))
        }
        let signed = Signing.isSigned(signatures)
        b.append(.line(signed ? "This is a copy of your SIGNED plan."
                       : "This is a copy of an UNSIGNED plan: it is not final until everyone below has signed it."))
        if isYouth { b += Self.pathway(plan) }
        for (gi, g) in plan.goals.enumerated() {
            b.append(.heading("Goal \(gi + 1): \(g.text)"))
            var about = "Time frame: \(g.horizon.label)"
            if let target = g.targetDate { about += " · aim to reach it by \(target)" }
            about += " · \(Self.status(g.status))"
            b.append(.line(about))
            if !g.justification.isEmpty { b.append(.line("Why this goal: \(g.justification)")) }
            for (si, s) in g.steps.enumerated() {
                b.append(.item(level: 0, "Step \(gi + 1).\(si + 1): \(s.text)"
                               + (s.targetDate.map { " (by \($0))" } ?? "") + " · \(Self.status(s.status))"))
                for v in s.services {
                    b.append(.item(level: 1, "Service: \(v.name)"))
                    b.append(.item(level: 2, "Provided by: " + Self.provider(v)))
                    var when = "When: " + Self.dates(v.plannedStart, v.plannedEnd)
                    if let hours = v.weeklyHours { when += " · about \(Self.hours(hours)) a week" }
                    b.append(.item(level: 2, when))
                    b.append(.item(level: 2, "Status: \(v.status.label)" + (v.credential.map { " · credential: \($0)" } ?? "")))
                }
            }
        }
        if plan.goals.isEmpty { b.append(.line("No goals have been written yet.")) }
        if isYouth { b += Self.elements(plan) }
        b.append(.heading("Signatures"))
        for s in signatures {
            b.append(.item(level: 0, "\(s.role.label): " + Self.signatureText(s.state)))
        }
        b.append(.line("Keep this copy. Call your career planner with any question or change."))
        // No control characters (a printed copy or a terminal must not be driven by data) and no SSN.
        let texts = Acronyms.spellOutFirst(b.map(\.text)).map { Acronyms.withoutSSN(Self.printable($0)) }
        blocks = zip(b, texts).map { $0.with(text: $1) }
    }

    /// A youth's career pathway (ISS), before the goals that lead along it.
    static func pathway(_ plan: CareerPlan) -> [Block] {
        var b: [Block] = [.heading("Your career pathway")]
        if let p = plan.pathway, !p.isOnlyNote {
            b.append(.line("Where it leads: \(p.occupation)" + (p.occupationCode.map { " (occupation code \($0))" } ?? "")))
            if let industry = p.industry { b.append(.line("Industry: \(industry)" + (p.naics.map { " (industry code \($0))" } ?? ""))) }
            if let credentials = p.credentialPath { b.append(.line("Credentials along the way: \(credentials)")) }
            if let note = p.note { b.append(.line(note)) }
        } else if let note = plan.pathway?.note {
            b.append(.line(note))
        } else {
            b.append(.line("Not written yet: you and your career planner will choose it together."))
        }
        return b
    }

    /// What each of the fourteen youth program elements is for them (ISS).
    static func elements(_ plan: CareerPlan) -> [Block] {
        var b: [Block] = [.heading("The youth program's fourteen services, and yours")]
        for e in 1...14 {
            let mark = plan.mark(e)
            let by = mark?.service.flatMap { id in plan.allServices.first { $0.id == id }?.name }
            let text: String = switch mark?.decision {
            case .provided?: "you receive it from \(mark!.on)" + (mark!.until.map { " to \($0)" } ?? "") + (by.map { " (\($0))" } ?? "")
            case .considered?: "we talked about it on \(mark!.on)" + (by.map { "; planned: \($0)" } ?? "")
            case .notNeeded?: "not needed for now" + (mark!.note.map { " (\($0))" } ?? "")
            case nil: "not talked about yet"
            }
            b.append(.item(level: 0, "\(YouthElement.fullName(e)): \(text)"))
        }
        return b
    }

    static func printable(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map {
            // Controls, and the bidirectional overrides that could reorder what a reader sees.
            $0.properties.generalCategory == .control || (0x202A...0x202E).contains($0.value)
                || (0x2066...0x2069).contains($0.value) ? " " : $0
        }))
    }

    static func status(_ s: GoalStatus) -> String {
        switch s {
        case .open: "in progress"
        case .achieved: "done"
        case .notAchieved: "not reached"
        case .withdrawn: "stopped"
        }
    }

    static func provider(_ v: PlanService) -> String {
        switch v.provider {
        case .inHouse: "your career center"
        case .partner: v.partnerName ?? "a partner organization"
        case .selfAccessed: "you, on your own"
        }
    }

    static func dates(_ start: Day?, _ end: Day?) -> String {
        switch (start, end) {
        case let (s?, e?): "\(s) to \(e)"
        case let (s?, nil): "from \(s)"
        case let (nil, e?): "until \(e)"
        case (nil, nil): "dates to be set"
        }
    }

    static func hours(_ h: Double) -> String {
        let n = h == h.rounded() ? String(Int(h)) : String(h)
        return n + (h == 1 ? " hour" : " hours")
    }

    static func signatureText(_ state: Signing.State) -> String {
        switch state {
        case .notSigned: "not signed yet"
        case .sentToGuardian(let r): "sent to \(r.name) (\(r.relationship)) on \(r.sentOn), not signed yet"
        case .signed(let s): "\(s.signerName), \(s.summary)"
        case .outdated(let s, let on):
            "\(s.signerName) signed on \(s.signedOn), but the plan changed" + (on.map { " on \($0)" } ?? "") + ": needs to sign again"
        }
    }

    // MARK: Formats

    public var text: String {
        var out = ""
        for block in blocks {
            switch block {
            case .title(let t): out += t + "\n" + String(repeating: "=", count: t.count) + "\n\n"
            case .heading(let t): out += "\n" + t + "\n" + String(repeating: "-", count: min(72, t.count)) + "\n"
            case .line(let t): out += Self.wrap(t, indent: "") + "\n"
            case .item(let level, let t): out += Self.wrap(t, indent: String(repeating: "  ", count: level + 1)) + "\n"
            }
        }
        return out
    }

    public var markdown: String {
        var out = ""
        for block in blocks {
            switch block {
            case .title(let t): out += "# \(Self.md(t))\n\n"
            case .heading(let t): out += "\n## \(Self.md(t))\n\n"
            case .line(let t): out += Self.md(t) + "\n\n"
            case .item(let level, let t): out += String(repeating: "  ", count: level) + "- " + Self.md(t) + "\n"
            }
        }
        return out
    }

    public var html: String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Your Career Plan</title>
            <style>
            @page { size: letter; margin: 0.75in; }
            body { font-family: Georgia, "Times New Roman", serif; font-size: 12pt; line-height: 1.4; color: #000; max-width: 7in; }
            h1 { font-size: 20pt; margin: 0 0 0.5em; }
            h2 { font-size: 14pt; margin: 1.2em 0 0.3em; border-bottom: 1px solid #000; page-break-after: avoid; }
            p { margin: 0.2em 0; }
            ul { margin: 0.2em 0 0.4em 1.2em; padding: 0; }
            li { page-break-inside: avoid; }
            </style>
            </head>
            <body>

            """
        // Nested lists sit inside their parent item, as HTML wants them.
        var depth = 0
        func close(to level: Int) {
            while depth > level { out += "</li>\n</ul>\n"; depth -= 1 }
        }
        for block in blocks {
            switch block {
            case .item(let level, let t):
                if depth > level + 1 { close(to: level + 1) }
                if depth == level + 1 { out += "</li>\n" }
                while depth < level + 1 { out += (depth == level ? "<ul>\n" : "<ul>\n<li>\n"); depth += 1 }
                out += "<li>\(Self.escape(t))"
            case .title(let t): close(to: 0); out += "<h1>\(Self.escape(t))</h1>\n"
            case .heading(let t): close(to: 0); out += "<h2>\(Self.escape(t))</h2>\n"
            case .line(let t): close(to: 0); out += "<p>\(Self.escape(t))</p>\n"
            }
        }
        close(to: 0)
        return out + "</body>\n</html>\n"
    }

    static func wrap(_ text: String, indent: String, width: Int = 78) -> String {
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ") {
            if line.count > indent.count && line.count + 1 + word.count > width {
                lines.append(line)
                line = indent + "  "
            }
            line += (line.count > indent.count && !line.hasSuffix("  ") ? " " : "") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func md(_ s: String) -> String {
        var out = ""
        for ch in s {
            if "\\`*_[]<>#|".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}

extension CustomerCopy.Block {
    var text: String {
        switch self {
        case .title(let t), .heading(let t), .line(let t), .item(_, let t): t
        }
    }

    func with(text t: String) -> Self {
        switch self {
        case .title: .title(t)
        case .heading: .heading(t)
        case .line: .line(t)
        case .item(let level, _): .item(level: level, t)
        }
    }
}
