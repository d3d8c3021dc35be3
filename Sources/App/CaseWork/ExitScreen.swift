import Domain
import TerminalKit

/// Leaving the program and what follows: the automatic-exit date and the
/// pauses that hold it; the planned exit's checklist; after exit, the
/// 12-month follow-up schedule, or the customer's refusal of it.
struct ExitScreen: CaseFileScreen, CommandScreen {
    let session: Session
    var file: CaseFile
    var plan: CareerPlan?
    var confirming = false
    var message: String?
    var notice: String?

    init(session: Session, file: CaseFile) {
        self.session = session
        self.file = file
        plan = readSavedPlan()
    }

    var title: String { "Exit and follow-up" }
    var isAsking: Bool { confirming }
    var exited: Bool { file.customer.exitedOn != nil }
    var check: PlannedExit {
        PlannedExit(customer: file.customer, plan: plan, notes: file.work.notes, outcomes: file.work.outcomes,
                    elsewhere: file.work.otherServices, on: session.today)
    }

    var commands: [Command<Self>] {
        if confirming {
            return [Command(KeyBinding([.char("y"), .char("Y")], "Exit", help: "Exit the customer, dated the last day of service", shownKeys: "y")) {
                        screen, _ in screen.exit()
                    },
                    Command(KeyBinding([.char("n"), .char("N"), .escape], "Cancel", help: "Do not exit", shownKeys: "n/Esc")) { screen, _ in
                        screen.confirming = false
                        return .handled
                    }]
        }
        if exited {
            return [needing(.caseWork, KeyBinding([.char("f")], "Follow-up note", help: "Record a follow-up contact or service")) {
                        .push(NoteForms.new(.followUp, session: $0.session, customer: $0.file.customer.id))
                    },
                    needing(.caseWork, KeyBinding([.char("d")], "Declined", help: "Record that the customer declined follow-up, and why")) {
                        .push($0.declineForm())
                    }]
        }
        return [needing(.caseWork, KeyBinding([.char("x")], "Exit", help: "Exit the customer once every check is met")) {
                    $0.askToExit()
                },
                needing(.caseWork, KeyBinding([.char("s")], "Pause",
                                                   help: "Record a planned break in service: the exit clock stops meanwhile")) {
                    .push($0.pauseForm())
                },
                needing(.caseWork, KeyBinding([.char("e")], "End pause",
                                                   help: "End the running pause early (the customer is back): the exit clock runs again",
                                                   inBar: false)) {
                    $0.endPause()
                },
                needing(.caseWork, KeyBinding([.char("c")], "Other program", help: "Record a service delivered or scheduled in another DOL-funded program the customer is co-enrolled in: the exit clock runs across all of them")) {
                    .push($0.otherProgramForm())
                }]
    }

    mutating func update(_ key: Key) -> Effect {
        let effect = runCommand(key)
        // While asking, only its answers and help work.
        if confirming, case .unhandled = effect, key != .function(1), key != .char("?") { return .handled }
        return effect
    }

    private mutating func askToExit() -> Effect {
        guard check.isReady else {
            message = "Not ready: " + check.checks.filter { !$0.met }.map(\.todo).joined(separator: "; ")
            return .handled
        }
        confirming = true
        return .handled
    }

    private mutating func exit() -> Effect {
        confirming = false
        let (customer, user, today) = (file.customer, session.user, session.today)
        return .request(StoreRequest { store in
            let record = try store.exit(customer, by: user, today: today)
            return .updated(customer.id, notice: "Exited; exit date \(record.exitOn), the last day of service")
        })
    }

    private func pauseForm() -> RecordFormScreen {
        let (c, user, today, pauses) = (file.customer, session.user, session.today, file.work.pauses)
        return RecordFormScreen(
            title: "Pause", customer: c.id, heading: "\(c.displayName) \(c.id) · Planned break in service",
            intro: "At most \(Pause.longest) days, after a service; the automatic exit waits while it runs.",
            fields: Pause.fields, values: ["startOn": today.description],
            check: { Pause.problems($0, lastService: c.lastServiceOn, others: pauses) },
            save: { v in
                StoreRequest { store in
                    let pause = Pause.checked(v, customer: c.id, lastService: c.lastServiceOn, others: pauses,
                                              by: user?.login ?? "", today: today)
                    let p = try store.addPause(pause.get(), by: user)
                    return .updated(c.id, notice: "Pause recorded: \(p.startOn) to \(p.endOn)")
                }
            })
    }

    private mutating func endPause() -> Effect {
        let (c, user, today) = (file.customer, session.user, session.today)
        guard let running = file.work.pauses.last(where: { $0.endOn >= today && $0.startOn <= today && $0.plannedEndOn == nil })
        else { message = "No pause is running today"; return .handled }
        return .push(RecordFormScreen(
            title: "End pause", customer: c.id, heading: "\(c.displayName) \(c.id) · End the pause early",
            intro: "Pause \(running.summary). The automatic exit clock runs again from the day after the end.",
            fields: Pause.endFields, values: ["endOn": today.description],
            check: { running.endProblems($0, today: today) },
            save: { v in
                StoreRequest { store in
                    let p = try store.endPauseEarly(running, to: running.ending(v, by: user?.login ?? "", today: today).get(), by: user)
                    return .updated(c.id, notice: "Pause ended on \(p.endOn) (planned to \(p.plannedEndOn!))")
                }
            }))
    }

    private func otherProgramForm() -> RecordFormScreen {
        let (c, user, today) = (file.customer, session.user, session.today)
        return RecordFormScreen(
            title: "Other program", customer: c.id, heading: "\(c.displayName) \(c.id) · Service in another program",
            intro: "Co-enrolled: the automatic exit waits for 90 days without service in every program, "
                + "and the exit date is the last day of service in any of them.",
            fields: OtherProgramService.fields, values: ["on": today.description],
            check: { OtherProgramService.problems($0, today: today) },
            save: { v in
                StoreRequest { store in
                    let service = OtherProgramService.checked(v, customer: c.id, by: user?.login ?? "", today: today)
                    let s = try store.addOtherService(service.get(), by: user)
                    return .updated(c.id, notice: (s.scheduled ? "Scheduled" : "Recorded") + ": \(s.programName), \(s.on)")
                }
            })
    }

    private func declineForm() -> RecordFormScreen {
        let (c, user, today) = (file.customer, session.user, session.today)
        return RecordFormScreen(
            title: "Declined follow-up", customer: c.id, heading: "\(c.displayName) \(c.id) · Declined follow-up",
            intro: "The exit date does not change. The follow-up clocks stop.",
            fields: FollowUpDecline.fields, values: ["on": today.description],
            check: { FollowUpDecline.problems($0, exitedOn: c.exitedOn, today: today) },
            save: { v in
                StoreRequest { store in
                    let decline = FollowUpDecline.checked(v, customer: c.id, exitedOn: c.exitedOn, by: user?.login ?? "", today: today)
                    try store.declineFollowUp(decline.get(), by: user)
                    return .updated(c.id, notice: "Declined follow-up recorded")
                }
            })
    }

    mutating func completed(_ outcome: Result<ScreenResult, any Error>) -> Effect {
        outcome.staying({ reload(after: $0) }, orElse: { message = "Not exited: \($0)" })
    }

    mutating func resume(with result: ScreenResult) {
        reload(after: result)
        plan = readSavedPlan()
    }

    func render(into canvas: inout Canvas, area: Area) {
        let c = file.customer
        renderHeading(into: &canvas, area: area)
        var lines: [(String, StyleRole)] = []
        if let exitOn = c.exitedOn {
            lines.append((file.work.exit?.summary ?? "Exited \(exitOn)", .normal))
            lines.append(("", .normal))
            lines += followUpLines(c)
        } else {
            lines += autoExitLines(c)
            lines.append(("", .normal))
            lines.append(("Planned exit: what must be true (x exits when all are met)", .header))
            for item in check.checks {
                lines.append(((item.met ? "✓ " : "✗ ") + item.label, item.met ? .normal : .overdue))
                if !item.met { lines.append(("    " + item.todo, .dim)) }
            }
            if let date = check.exitDate {
                lines.append(("The exit date will be \(date), the last day of service.", .dim))
            }
        }
        // Under the name and a blank row, the lines down to the status line.
        var rest = area
        var status = rest.takeBottom(1)
        rest.takeTop(2)
        canvas.put(lines: lines, in: rest.inset(2))
        canvas.fill(rowsOf: status, role: .normal)
        status = status.inset(1)
        if confirming {
            canvas.put("Exit \(c.displayName) with exit date \(check.exitDate?.description ?? "?")? y = exit, n = cancel",
                       in: status, role: .error)
        } else if let message {
            // A long refusal takes the row above the status line too.
            let wrapped = message.wrapped(toWidth: status.width, atMost: 2)
            var rows = area.inset(1)
            canvas.put(lines: wrapped.map { ($0, .error) }, in: rows.takeBottom(wrapped.count))
        } else if let notice {
            canvas.put("✓ " + notice, in: status, role: .normal)
        }
    }

    private func autoExitLines(_ c: Customer) -> [(String, StyleRole)] {
        guard let enrolled = c.enrolledOn else { return [("Not enrolled: no exit clock runs yet.", .dim)] }
        let others = file.work.otherServices
        let last = AutoExit.lastService(max(enrolled, c.lastServiceOn ?? enrolled), others)
        var out: [(String, StyleRole)] = [("Automatic exit", .header)]
        if let due = AutoExit.due(lastService: last, plan: plan, pauses: file.work.pauses, elsewhere: others, on: session.today,
                                  matrix: session.matrix) {
            let when = Clock.when(due: due, today: session.today)
            out.append(("Last service \(last). Without a service by \(due) (\(when)) the customer is exited,", .normal))
            out.append(("dated \(last). A planned future service or a pause (s) holds the clock.", .dim))
        } else {
            out.append(("Not running: a service is planned ahead (last service \(last)).", .normal))
        }
        for p in file.work.pauses {
            let running = p.startOn <= session.today && session.today <= p.endOn && p.plannedEndOn == nil
            out.append(("Pause \(p.startOn) to \(p.endOn) (\(p.length) days): \(p.reason.label), \(p.detail)"
                        + (running ? " · e ends it early" : ""), .normal))
            if let planned = p.plannedEndOn {
                out.append(("  ended early (planned to \(planned)): \(p.endedEarly ?? "")", .dim))
            }
        }
        if !others.isEmpty {
            out.append(("Co-enrolled: services in other programs count (c records one)", .header))
            for s in others.sorted(by: { $0.on > $1.on }).prefix(4) {
                out.append(((s.scheduled ? "scheduled " : "delivered ") + "\(s.on)  \(s.programName): \(s.service)", .normal))
            }
        }
        return out
    }

    private func followUpLines(_ c: Customer) -> [(String, StyleRole)] {
        guard let window = FollowUp(for: c) else { return [] }
        var out: [(String, StyleRole)] = [("Follow-up \(window.startsOn) to \(window.endsOn)", .header)]
        if let d = file.work.followUpDeclined {
            out.append(("Declined on \(d.on) (recorded by \(d.recordedBy)): \(d.reason)", .normal))
            return out
        }
        for (i, contact) in window.contacts(notes: file.work.notes).enumerated() {
            if let made = contact.made {
                out.append(("✓ contact \(i + 1): made \(made.eventOn) (\(made.channel?.label ?? "note"))", .normal))
                continue
            }
            let state = Deadlines.state(due: contact.due, on: session.today, settings: session.settings)
            out.append(("\(CaseloadScreen.marker(state)) contact \(i + 1): due \(contact.due) "
                        + "(\(Clock.when(due: contact.due, today: session.today)))",
                        state == .overdue ? .overdue : state == .dueSoon ? .dueSoon : .normal))
        }
        out.append(("Follow-up never moves the exit date.", .dim))
        return out
    }
}
