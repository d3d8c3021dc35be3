import Domain

/// The note forms: a template's fields around the date, channel, what the
/// note is about and its text; and the amendment form.
enum NoteForms {
    /// What a note can be about: the customer's services, goals and referrals.
    static func links(plan: CareerPlan?, work: CaseWork) -> [FormChoice] {
        var choices = [FormChoice("", "the customer in general")]
        for s in plan?.allServices ?? [] { choices.append(FormChoice(NoteLink(.service, Int64(s.id)).description, "Service: \(s.name)")) }
        for g in plan?.goals ?? [] { choices.append(FormChoice(NoteLink(.goal, Int64(g.id)).description, "Goal: \(g.text)")) }
        for r in work.referrals { choices.append(FormChoice(NoteLink(.referral, r.id).description, "Referral: \(r.partnerName)")) }
        return choices
    }

    static func new(_ kind: NoteKind, session: Session, customer id: CustomerID, link: NoteLink? = nil) -> any Screen {
        let file: CaseFile
        let plan: CareerPlan?
        do {
            guard let read = try session.caseFile(id) else { return MessageScreen(text: "No customer \(id) in the data file") }
            file = read
            plan = try session.store.plan(for: id)?.plan
        } catch {
            return MessageScreen(text: "Cannot read customer \(id): \(error)")
        }
        let (user, today) = (session.user, session.today)
        let c = file.customer
        let links = links(plan: plan, work: file.work)
        var values = ["eventOn": today.description, "link": link?.description ?? ""]
        if kind.isContact { values["channel"] = ContactChannel.phone.rawValue; values["twoWay"] = FormField.yes }
        return RecordFormScreen(
            title: "\(kind.label) note", customer: id, heading: "\(c.displayName) \(c.id) · \(kind.label) note",
            intro: kind.purpose, fields: NoteTemplate.form(for: kind, links: links), values: values,
            check: { NoteTemplate.problems($0, kind: kind, links: links, today: today, enteredOn: c.enteredOn) },
            save: { v in
                StoreRequest { store in
                    guard let note = NoteTemplate.note(v, kind: kind, links: links, customer: id, author: user?.login ?? "",
                                                       today: today) else { throw StoreError.invalid("the note is not complete") }
                    let saved = try store.addNote(note, by: user)
                    var notice = "\(kind.label) note saved"
                    if saved.isTwoWayContact { notice += "; contact clock reset from \(saved.eventOn)" }
                    if saved.isLate { notice += " (late: \(saved.eventOn.days(until: saved.enteredOn)) days after the event)" }
                    return .updated(id, notice: notice)
                }
            })
    }

    static func amend(_ note: CaseNote, session: Session, customer c: Customer) -> any Screen {
        let (user, today) = (session.user, session.today)
        return RecordFormScreen(
            title: "Amend note", customer: c.id, heading: "\(c.displayName) \(c.id) · Amend note \(note.id) of \(note.eventOn)",
            intro: "The original stays as written; the amendment is shown with it.",
            fields: NoteTemplate.amendmentFields, values: [:],
            check: NoteTemplate.amendmentProblems,
            save: { v in
                StoreRequest { store in
                    let text = (v["text"] ?? "").trimmingCharacters(in: .whitespaces)
                    let reason = (v["reason"] ?? "").trimmingCharacters(in: .whitespaces)
                    let amendment = CaseNote(id: 0, customer: c.id, kind: note.kind, eventOn: note.eventOn, enteredOn: today,
                                             author: user?.login ?? "", text: text, answers: ["reason": reason],
                                             link: note.link, amends: note.id)
                    try store.addNote(amendment, by: user)
                    return .updated(c.id, notice: "Amendment saved; the original note stays readable")
                }
            })
    }
}
