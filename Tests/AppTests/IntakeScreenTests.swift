import App
import Domain
import Store
import Testing
import TerminalKit

/// The application, eligibility, documents and screening screens, driven by
/// keys over the synthetic caseload of 2026-11-23.
@Suite struct IntakeScreenTests {
    /// Opens customer `id`'s overview from the caseload.
    func open(_ h: Harness, _ id: Int) { h.openCustomer(id) }

    /// Moves the application form's focus to the field labelled `label`.
    func focus(_ h: Harness, _ label: String) {
        for _ in 0..<60 {
            if h.lines.contains(where: { line in
                ["▶ ", "▶ [ ] ", "▶ [x] "].contains { line.hasPrefix($0 + label) }
            }) { return }
            h.press(.tab)
        }
        Issue.record("no field \(label)")
    }

    @Test func aNewApplicationStartsFromTheCustomer() throws {
        let h = try Harness()
        open(h, 1)
        #expect(h.screen.contains("Eligibility  no application yet (a)"))
        h.press(.char("a"))
        try expectGolden("application", h.screen)
        #expect(h.lines[23].hasPrefix("Ctrl-S/F2 Save  Esc Cancel  F1 Help  F10 Quit"))
    }

    @Test func errorsShowUnderTheirFieldsAndAFullSSNIsCleared() throws {
        let h = try Harness()
        open(h, 1)
        h.press(.char("a"))
        focus(h, "State")
        h.type("x")
        focus(h, "SSN, last 4")
        h.type("123-45-6789")
        #expect(!h.screen.contains("123-45"))
        #expect(h.screen.contains("✗ a full SSN is never stored; it was cleared. Type the last 4 digits only"))
        h.press(.ctrl("s"))
        try expectGolden("application-errors", h.screen)
        #expect(h.screen.contains("Not saved: 4 fields need a fix"))
        #expect(h.screen.contains("✗ Street address is required"))
        #expect(h.screen.contains("ILx"))
        #expect(try h.store.caseFile(CustomerID(1))?.application == nil)
    }

    @Test func aSavedApplicationStartsTheEligibilityClock() throws {
        let h = try Harness()
        open(h, 1)
        h.press(.char("a"))
        focus(h, "Street address")
        h.type("1234 W Cermak Rd")
        h.press(.tab)
        h.type("Chicago")
        focus(h, "Sex")
        h.press(.right, .right)
        focus(h, "Selective service")
        h.press(.right)
        focus(h, "Low income")
        h.press(.char(" "))
        h.press(.ctrl("s"))
        #expect(h.lines[22].contains("✓ Application saved"))
        #expect(h.screen.contains("Eligibility  applied 2026-11-23, not yet certified; meets Adult (e)"))
        #expect(h.screen.contains("2026-12-23  Eligibility (in 30 days)"))
        let record = try #require(try h.store.caseFile(CustomerID(1)))
        #expect(record.application?.sex == .male && record.application?.selectiveService == .registered)
        #expect(record.customer.stage(on: Harness.today) == .applied && record.customer.program == .adult)
    }

    @Test func eligibilityShowsEveryTitleAndWhy() throws {
        let h = try Harness()
        open(h, 2)
        h.press(.char("e"))
        try expectGolden("eligibility", h.screen)
        h.press(.down, .down)
        #expect(h.screen.contains("Why: Youth, out of school"))
        #expect(h.screen.contains("✗ age 36 on the application date (out-of-school youth are 16 to 24)"))
    }

    /// Every checklist document seen, as the Documents screen records them.
    func seeEveryDocument(_ h: Harness, _ id: Int) throws {
        let planner = try #require(try h.store.signIn(login: "mrivera"))
        for item in try #require(try h.store.caseFile(CustomerID(Int64(id)))).checklist {
            try h.store.recordDocument(EligibilityDocument(customer: CustomerID(Int64(id)), item: item.key,
                                                           documentType: item.documentTypes[0], seenOn: Harness.today,
                                                           recordedBy: "mrivera"), by: planner)
        }
    }

    /// 001: the documents behind the answers come before certifying. With
    /// none seen, the form warns at once and asks why, and keeps the answer.
    @Test func certifyingWithoutDocumentsWarnsAndAsksWhy() throws {
        let h = try Harness()
        open(h, 2)
        let count = try #require(try h.store.caseFile(CustomerID(2))).checklist.count
        h.press(.char("e"), .char("c"))
        #expect(h.lines[22].contains("Warning: \(count) of \(count) documents not verified (d)"))
        h.press(.ctrl("s"))
        #expect(h.screen.contains("✗ \(count) of \(count) documents not verified (d): say why you certify without them"))
        #expect(try h.store.caseFile(CustomerID(2))?.certification == nil)
        h.type("ID replaced after a fire; verified by phone with IDES")
        h.press(.ctrl("s"))
        #expect(h.lines[22].contains("✓ Certified: Adult"))
        let reason = try #require(try h.store.caseFile(CustomerID(2))?.certification?.undocumentedReason)
        #expect(reason.hasPrefix("ID replaced after a fire; verified by phone with IDES (not verified: "))
    }

    @Test func aLateCertificationAsksForItsReason() throws {
        let h = try Harness()
        try seeEveryDocument(h, 8)
        open(h, 8)   // applied 2026-10-14 for Dislocated Worker: 40 days ago
        h.press(.char("e"), .char("c"))
        h.press(.ctrl("s"))
        try expectGolden("eligibility-certify-late", h.screen)
        #expect(h.screen.contains("✗ 40 days after the application (limit 30): give the reason it is late"))
        h.press(.up, .ctrl("u"))
        h.type("2026-11-24")
        h.press(.tab)
        h.type("layoff letter arrived late")
        h.press(.ctrl("s"))
        #expect(h.screen.contains("✗ certification date is in the future"))
        h.press(.up, .ctrl("u"))
        h.type("11/20/2026")
        h.press(.ctrl("s"))
        #expect(h.lines[22].contains("✓ Certified: Dislocated Worker"))
        #expect(h.lines[3] == "  Certified 2026-11-20 by mrivera, 37 days after applying; late because:")
        #expect(h.lines[4] == "  layoff letter arrived late")
        let cert = try #require(try h.store.caseFile(CustomerID(8))?.certification)
        #expect(cert.certifiedOn == Day(parsing: "2026-11-20") && cert.lateReason == "layoff letter arrived late")
        #expect(cert.titles == [.dislocatedWorker])
        h.press(.escape)
        #expect(h.screen.contains("Eligibility  certified 2026-11-20: Dislocated Worker"))
        #expect(h.screen.contains("Enroll (in 87 days)"))
    }

    @Test func certifyingOnTimeNeedsNoReason() throws {
        let h = try Harness()
        try seeEveryDocument(h, 2)
        open(h, 2)   // applied 2026-10-24: today is day 30
        h.press(.char("e"), .char("c"), .ctrl("s"))
        #expect(h.lines[22].contains("✓ Certified: Adult"))
        #expect(try h.store.caseFile(CustomerID(2))?.certification?.lateReason == nil)
    }

    @Test func frontDeskIsToldThatPlannersCertify() throws {
        let h = try Harness(login: "dbrooks")
        open(h, 2)
        h.press(.char("e"), .char("c"))
        #expect(h.lines[22].contains("Front desks may not certify eligibility"))
        #expect(try h.store.caseFile(CustomerID(2))?.certification == nil)
    }

    @Test func aCertifiedApplicationIsAmendedWithAReasonKeptInTheHistory() throws {
        let h = try Harness()
        open(h, 3)
        h.press(.char("a"))
        #expect(h.screen.contains("answers are locked; saving a change asks for a reason"))
        focus(h, "Low income")
        h.press(.char(" "), .ctrl("s"))
        #expect(h.lines[22].contains("Reason for the amendment:"))
        h.press(.enter)
        #expect(h.screen.contains("Say why the certified answers change"))
        h.type("pay stubs show income above the limit")
        h.press(.enter)
        #expect(h.lines[22].contains("✓ Amendment saved"))
        let amendment = try #require(try h.store.caseFile(CustomerID(3))?.amendments.first)
        #expect(amendment.reason == "pay stubs show income above the limit" && amendment.amendedBy == "mrivera")
        h.press(.char("e"), .char("h"))
        #expect(h.screen.contains("by mrivera: pay stubs show income above the\n      limit"))
        #expect(h.screen.contains("  Low income: "))
    }

    @Test func aDeficientScreeningSuggestsAdultEducation() throws {
        let h = try Harness()
        open(h, 2)
        h.press(.char("b"))
        try expectGolden("screening", h.screen)
        h.press(.ctrl("s"))
        #expect(h.screen.contains("Not saved: 1 field needs a fix"))
        h.press(.right)   // the failed save put the focus on the result
        h.press(.ctrl("s"))
        #expect(h.lines[22].contains("✓ Screening recorded: basic skills deficient"))
        #expect(h.screen.contains("Basic skills deficient, refer Title II"))
        #expect(h.screen.contains("basic skills deficient"))
    }

    @Test func documentsAreRecordedPerItem() throws {
        let h = try Harness()
        open(h, 2)
        h.press(.char("d"))
        try expectGolden("documents", h.screen)
        h.press(.down, .enter, .right, .right)
        h.press(.tab, .ctrl("u"))
        h.type("2026-11-30")
        h.press(.ctrl("s"))
        #expect(h.screen.contains("Not saved: date seen is in the future"))
        h.press(.ctrl("u"))
        h.type("2026-11-20")
        h.press(.ctrl("s"))
        #expect(h.screen.contains("▶ Right to work                     ✓ permanent resident card, 2026-11-20"))
        let docs = try #require(try h.store.caseFile(CustomerID(2))?.documents)
        #expect(docs.map(\.item) == ["right-to-work"] && docs[0].recordedBy == "mrivera")
    }

    @Test func leavingAChangedApplicationAsksFirst() throws {
        let h = try Harness()
        open(h, 2)
        h.press(.char("a"), .tab, .tab)
        h.type(" Apt 3")
        h.press(.escape)
        #expect(h.lines[22].contains("Throw away your changes? y = yes, n = keep editing"))
        #expect(h.lines[23].hasPrefix("y Discard  n/Esc Keep editing  F1/? Help"))
        h.press(.char("n"))
        #expect(h.screen.contains("Apt 3"))
        h.press(.escape, .char("y"))
        #expect(h.lines[0].hasSuffix("mrivera (María Rivera)"), "\(h.lines[0])")
        #expect(h.screen.contains("Stage        Applied"))
        #expect(try h.store.caseFile(CustomerID(2))?.application?.street.contains("Apt 3") == false)
    }

    @Test func aScreeningWithoutAResultIsNotSaved() throws {
        let h = try Harness()
        open(h, 1)
        h.press(.char("b"), .ctrl("u"))
        h.type("2026-13-01")
        h.press(.ctrl("s"))
        try expectGolden("screening-errors", h.screen)
        #expect(h.screen.contains("✗ not a date; type YYYY-MM-DD or MM/DD/YYYY"))
        #expect(h.screen.contains("✗ choose a result"))
        #expect(try h.store.caseFile(CustomerID(1))?.screenings.isEmpty == true)
    }

    @Test func aSupervisorCannotTakeAnApplication() throws {
        let h = try Harness(login: "asantos")
        open(h, 1)
        h.press(.char("a"))
        #expect(h.lines[22].contains("Supervisors may not take applications"))
    }
}

@Suite struct ConcurrentEditTests {
    /// Thanh, at another terminal with their own program (the audit trail names them), saves C000002's social media.
    func colleagueSavesSocialMedia(_ h: Harness, _ value: String) throws {
        let other = try #require(try h.store.caseFile(CustomerID(2)))
        var form = ApplicationForm(other.application!, phone: other.customer.phone)
        form["socialMedia"] = value
        let colleague = Staff(login: "tnguyen", name: "Thanh Nguyễn", initials: "TN", role: .planner)
        try CaseloadStore(path: h.store.path, actor: "tnguyen").saveApplication(form, customer: other.customer, by: colleague,
                                                                                 today: Harness.today)
    }

    @Test func aSaveOverAnotherUsersChangeIsRefusedAndTheTypingKept() throws {
        let h = try Harness()
        h.openCustomer(2)
        h.press(.char("a"))
        for _ in 0..<3 { h.press(.tab) }
        h.press(.ctrl("u"))
        h.type("Evanston")
        // Meanwhile a colleague at another terminal saves this customer's application.
        try colleagueSavesSocialMedia(h, "linkedin.com/in/ghernandez")
        h.press(.ctrl("s"))
        #expect(h.screen.contains("Not saved: another user changed customer C000002 (Thanh Nguyễn at "))
        #expect(h.lines.contains { $0.contains("City *") && $0.contains(" Evanston") })
        let stored = try #require(try h.store.caseFile(CustomerID(2))?.application)
        #expect(stored.city == "Chicago" && stored.socialMedia == "linkedin.com/in/ghernandez")
        // Reload their save and put this user's change back on top of it: both survive.
        #expect(h.screen.contains("Ctrl-R reloads it and re-applies your typing."))
        h.press(.ctrl("r"))
        #expect(h.screen.contains("your 1 change(s) re-applied on top"))
        h.press(.ctrl("s"))
        let merged = try #require(try h.store.caseFile(CustomerID(2))?.application)
        #expect(merged.city == "Evanston" && merged.socialMedia == "linkedin.com/in/ghernandez")
    }

    /// Ctrl-R when both users changed the same field: it is named with both
    /// values and this user chooses; nothing is overwritten silently.
    @Test func aFieldBothChangedIsPutToTheUserOnReapply() throws {
        let h = try Harness()
        h.openCustomer(2)
        h.press(.char("a"))
        let focusSocial = ApplicationForm.fields.firstIndex { $0.key == "socialMedia" }!
        for _ in 0..<focusSocial { h.press(.tab) }
        h.press(.ctrl("u"))
        h.type("instagram.com/gh")
        try colleagueSavesSocialMedia(h, "linkedin.com/in/ghernandez")
        h.press(.ctrl("s"))
        h.press(.ctrl("r"))
        #expect(h.lines[21].contains("Both of you changed Social media: y keeps yours, t takes theirs"), "\(h.screen)")
        #expect(h.lines[22].contains("yours “instagram.com/gh” · theirs “linkedin.com/in/ghernandez”"), "\(h.screen)")
        h.press(.char("t"))
        #expect(h.screen.contains("settled"))
        h.press(.ctrl("s"))
        #expect(try h.store.caseFile(CustomerID(2))?.application?.socialMedia == "linkedin.com/in/ghernandez")
    }

    @Test func aBarrierCorrectedMeanwhileIsReloadedWithTheTypingOnTop() throws {
        let h = try Harness()
        h.openCustomer(16)
        h.press(.char("r"), .enter)
        #expect(h.screen.contains("Correct: "))
        h.press(.tab, .tab, .tab, .end)
        h.type(" (checked with the customer)")
        // Meanwhile the barrier's description is corrected at another terminal.
        let barrier = try #require(try h.store.caseFile(CustomerID(16))?.barriers.first)
        let theirs = try CaseloadStore(path: h.store.path, actor: "tnguyen", today: { Harness.today }, now: { Harness.now })
        let admin = Staff(login: "root", name: "Area Admin", initials: "AA", role: .administrator)
        let corrected = barrier.applying(barrier.values.merging(["description": "two buses each way"]) { $1 }, today: Harness.today)
        try theirs.correctBarrier(barrier, to: corrected.get(), by: admin)
        h.press(.ctrl("s"))
        #expect(h.screen.contains("Ctrl-R reloads it and re-applies your typing."))
        #expect(h.screen.contains("this barrier (tnguyen at ") || h.screen.contains("this barrier (Thanh Nguyễn at "))
        #expect(h.lines[23].contains("Ctrl-R Reload & re-apply"))
        h.press(.ctrl("r"))
        #expect(h.screen.contains("your 1 change(s) re-applied on top"))
        h.press(.ctrl("s"))
        let now = try #require(try h.store.caseFile(CustomerID(16))?.barriers.first)
        #expect(now.description == "two buses each way" && now.plan == barrier.plan + " (checked with the customer)")
    }
}
