import Foundation
import Testing
@testable import Domain

/// Signatures bound to the plan's content, the youth guardian rule at the
/// 18th birthday, name matching, and the customer's copy in plain words.
@Suite struct SignatureTests {
    let id = CustomerID(16)

    func plan() -> CareerPlan {
        let service = PlanService(id: 3, serviceID: "job-search-placement", name: "Job Search and Placement Assistance",
                                  plannedStart: day("2026-11-02"), plannedEnd: day("2027-01-15"), weeklyHours: 3, status: .open,
                                  actualStart: day("2026-11-02"))
        let step = PlanStep(id: 2, text: "Apply for five OJT openings each week", targetDate: day("2026-12-31"), services: [service])
        let other = PlanStep(id: 4, text: "Finish the resume", status: .achieved)
        return CareerPlan(customer: id, goals: [PlanGoal(id: 1, text: "Work as a CNA", horizon: .oneYear, kind: .employment,
                                                         targetDate: day("2027-11-01"), justification: "likes caring for people",
                                                         steps: [step, other])], nextID: 5)
    }

    func customer(born: String = "1990-04-10") -> Customer {
        Customer(id: id, legalName: "Małgorzata Wiśniewska", preferredName: "Gosia", zip: "60601", birthDate: day(born),
                 program: .youth, enteredOn: day("2026-01-02"), enrolledOn: day("2026-02-01"))
    }

    /// Signatures already stored hold these digests: the canonical text must never change, whatever the
    /// code that writes it (pinned from the first implementation; escapes, CR LF, accents, three formats).
    @Test func theCanonicalTextIsPinned() {
        var tricky = plan()
        tricky.goals[0].text = "Work as a CNA | LPN \\ later\r\nthen RN"
        tricky.goals[0].steps[0].text = "Apply at José's clinic\nand two more"
        tricky.goals[0].steps[0].services[0].partnerName = "Ñandú | Co\\op"
        tricky.goals[0].steps[0].services[0].weeklyHours = 2.5
        #expect(PlanDigest.digest(plan()) == "8b02d2baf4997b064a23c24da92f8c3893bfd105bbb80c08831bd7dd259dafbf")
        #expect(PlanDigest.digest(tricky) == "76ab99e1f609afb9b9853b9a6e9f6d79b75a4441afb4f6f98fe5987746ee3402")
        #expect(PlanDigest.formatTwoDigest(tricky) == "231fde2d5a51314c273db137186e4deb4527cb221d661a4cf417dfcc7fd2a74c")
        #expect(PlanDigest.formatOneDigest(tricky) == "72fbb1acd576b7c6a9e15eb57fc595d2704113201a24e1815a8f8a5d41e5bf89")
    }

    @Test func everyChangeThatMattersChangesTheDigestAndNothingElseDoes() {
        let base = PlanDigest.digest(plan())
        #expect(base.count == 64)
        var changes: [(String, (inout CareerPlan) -> Void)] = [
            ("goal text", { $0.goals[0].text = "Work as an LPN" }),
            ("goal target", { $0.goals[0].targetDate = day("2027-12-01") }),
            ("step text", { $0.goals[0].steps[0].text = "Apply for three openings" }),
            ("step date", { $0.goals[0].steps[0].targetDate = day("2027-01-31") }),
            ("service start", { $0.goals[0].steps[0].services[0].plannedStart = day("2026-11-03") }),
            ("service end", { $0.goals[0].steps[0].services[0].plannedEnd = nil }),
            ("service hours", { $0.goals[0].steps[0].services[0].weeklyHours = 4 }),
            ("provider", { $0.goals[0].steps[0].services[0].provider = .partner }),
            ("partner", { $0.goals[0].steps[0].services[0].partnerName = "City Colleges" }),
            ("service added", { $0.goals[0].steps[1].services.append(PlanService(id: 9, serviceID: "x", name: "Extra")) }),
            ("step removed", { $0.goals[0].steps.removeLast() }),
            ("pathway", { $0.pathway = CareerPathway(occupation: "Registered nurse", credentialPath: "CNA → RN") }),
            ("pathway code", { p in p.pathway = CareerPathway(occupation: "Registered nurse", occupationCode: "29-1141") }),
        ]
        for (what, change) in changes {
            var p = plan()
            change(&p)
            #expect(PlanDigest.digest(p) != base, "\(what) must change the digest")
        }
        changes = [
            ("order of steps", { $0.goals[0].steps.reverse() }),
            ("next id", { $0.nextID = 40 }),
            ("an episode", { $0.episodes.append(PlanEpisode(on: day("2026-11-23"), reason: "review", by: "mrivera", changes: [])) }),
            ("a service note", { $0.goals[0].steps[0].services[0].notes = ["real date 2026-10-30"] }),
            ("when closing was recorded", { $0.goals[0].steps[0].services[0].closedRecordedOn = day("2026-11-23") }),
            // Progress recorded on the plan is not what the customer agreed to (docs/design.md).
            ("goal achieved", { $0.goals[0].status = .achieved }),
            ("goal withdrawn", { $0.goals[0].status = .withdrawn; $0.goals[0].withdrawnReason = "moved away" }),
            ("step achieved", { $0.goals[0].steps[0].status = .achieved }),
            ("service completed", { p in
                p.goals[0].steps[0].services[0].status = .complete
                p.goals[0].steps[0].services[0].completedOn = day("2026-12-20")
                p.goals[0].steps[0].services[0].credential = "CNA certificate"
            }),
            ("service started", { $0.goals[0].steps[0].services[0].actualStart = day("2026-11-04") }),
            // What was decided and delivered for a youth program element is a record, not the agreement.
            ("an element marked", { $0.youthElements = [YouthElementMark(element: 3, decision: .notNeeded, on: day("2026-11-20"),
                                                                         note: "works part time already")] }),
        ]
        for (what, change) in changes {
            var p = plan()
            change(&p)
            #expect(PlanDigest.digest(p) == base, "\(what) must not change the digest")
        }
    }

    /// A signature stored before the digest left progress out still holds on
    /// the plan it signed, and goes outdated as it always did when that changes.
    @Test func aSignatureFromBeforeFormatTwoStillMatchesItsPlan() {
        let old = PlanDigest.formatOneDigest(plan())
        #expect(old != PlanDigest.digest(plan()))
        #expect(PlanDigest.matches(plan(), old))
        var progressed = plan()
        progressed.goals[0].steps[0].services[0].status = .complete
        #expect(!PlanDigest.matches(progressed, old))
        #expect(PlanDigest.matches(progressed, PlanDigest.digest(plan())))
    }

    /// A signature stored when the pathway was words still holds while the
    /// words stand; giving the pathway its fields is a change to the agreement.
    @Test func aSignatureFromBeforeFormatThreeHoldsUntilThePathwayChanges() {
        var words = plan()
        words.pathway = CareerPathway(note: "Health care: CNA → LPN → RN")
        let old = PlanDigest.formatTwoDigest(words)
        #expect(old != PlanDigest.digest(words))
        #expect(PlanDigest.matches(words, old))
        // A plan saved then, read now: the words arrive as the pathway's note.
        let json = #"{"customer":"C000016","goals":[],"careerPathway":"Health care: CNA → LPN → RN","episodes":[],"nextID":1}"#
        let read = try? JSONDecoder().decode(CareerPlan.self, from: Data(json.utf8))
        #expect(read?.pathway == CareerPathway(note: "Health care: CNA → LPN → RN"))
        var structured = words
        structured.pathway?.occupation = "Registered nurse"
        #expect(!PlanDigest.matches(structured, old))
        var unsigned = plan()
        unsigned.pathway = nil
        #expect(PlanDigest.matches(unsigned, PlanDigest.formatTwoDigest(unsigned)))
    }

    func signature(_ role: SignerRole, on: String, digest: String, version: Int = 1) -> Signature {
        Signature(id: Int64(role.hashValue & 0xff), customer: id, role: role, signerName: "x", method: .terminal,
                  signedOn: day(on), capturedAt: "\(on)T15:00:00Z", capturedBy: "mrivera", planVersion: version, digest: digest)
    }

    @Test func aChangeAfterSigningOutdatesEverySignature() {
        let p = plan()
        let signed = [signature(.customer, on: "2026-11-20", digest: PlanDigest.digest(p)),
                      signature(.planner, on: "2026-11-20", digest: PlanDigest.digest(p))]
        let now = Signing.states(customer: customer(), plan: p, signatures: signed, guardian: nil, on: day("2026-11-23"))
        #expect(Signing.isSigned(now))
        var changed = p
        changed.goals[0].steps[0].text = "Apply for three openings each week"
        let after = Signing.states(customer: customer(), plan: changed, signatures: signed, guardian: nil, on: day("2026-11-23"),
                                   changedOn: { _ in day("2026-11-22") })
        #expect(!Signing.isSigned(after))
        #expect(after.map(\.state.text) == ["OUTDATED: signed 2026-11-20; plan changed on 2026-11-22 after signing",
                                            "OUTDATED: signed 2026-11-20; plan changed on 2026-11-22 after signing"])
    }

    @Test func aYouthUnder18OnTheSigningDayAlsoNeedsAGuardian() {
        // Born 2008-11-23: 18 on 2026-11-23.
        let youth = customer(born: "2008-11-23")
        #expect(Signing.roles(for: youth, on: day("2026-11-22")) == [.customer, .guardian, .planner])
        #expect(Signing.roles(for: youth, on: day("2026-11-23")) == [.customer, .planner])
        #expect(Signing.roles(for: youth, on: day("2026-11-24")) == [.customer, .planner])
        // The signing day is the customer's signature's: signed at 17, a guardian is still needed.
        let p = plan()
        let signed = [signature(.customer, on: "2026-11-22", digest: PlanDigest.digest(p)),
                      signature(.planner, on: "2026-11-22", digest: PlanDigest.digest(p))]
        let request = GuardianRequest(customer: id, name: "Anna Wiśniewska", relationship: "mother", sentOn: day("2026-11-22"),
                                      sentBy: "mrivera")
        let states = Signing.states(customer: youth, plan: p, signatures: signed, guardian: request, on: day("2026-11-30"))
        #expect(states.map(\.role) == [.customer, .guardian, .planner])
        #expect(states[1].state.text == "sent to guardian Anna Wiśniewska (mother) on 2026-11-22")
        #expect(!Signing.isSigned(states))
        var guardian = signature(.guardian, on: "2026-11-25", digest: PlanDigest.digest(p))
        guardian.method = .paper
        guardian.paperReturnedOn = day("2026-11-25")
        #expect(Signing.isSigned(Signing.states(customer: youth, plan: p, signatures: signed + [guardian], guardian: request,
                                                on: day("2026-11-30"))))
    }

    @Test func namesMatchIgnoringCaseAccentsAndSpaces() {
        #expect(Signing.namesMatch("malgorzata wisniewska", "Małgorzata Wiśniewska"))
        #expect(Signing.namesMatch("  JOSÉ   Núñez ", "Jose Nunez"))
        #expect(Signing.namesMatch("Chloe Dubois", "Chloé Dubois"))
        #expect(!Signing.namesMatch("Chloé", "Chloé Dubois"))
        #expect(!Signing.namesMatch("", ""))
    }

    @Test func theCopySpellsOutAcronymsOnceAndNeverShowsAnSSN() {
        var p = plan()
        p.goals[0].justification = "SSN 123-45-6789 was on the intake form; CNA pays well"
        let states: [(role: SignerRole, state: Signing.State)] = [(.customer, .notSigned), (.planner, .notSigned)]
        let copy = CustomerCopy(customer: customer(), plan: p, version: 3, planner: nil, signatures: states,
                                printedOn: day("2026-11-23"))
        let text = copy.markdown   // not wrapped
        #expect(text.contains("Individual Service Strategy (ISS)"))
        #expect(text.contains("Workforce Innovation and Opportunity Act (WIOA)"))
        #expect(text.contains("Certified Nursing Assistant (CNA)"))
        #expect(text.components(separatedBy: "Certified Nursing Assistant").count == 2)
        #expect(text.contains("On-the-Job Training (OJT)"))
        #expect(!text.contains("6789") && text.contains("•••-••-••••") && !copy.text.contains("6789"))
        #expect(text.contains("not final until everyone named under Signatures has signed it"))
        #expect(copy.html.contains("size: letter"))
        #expect(!copy.html.contains("<script"))
    }

    @Test func theCopyEscapesWhatItPrints() {
        var p = plan()
        p.goals[0].text = "<b>Work</b> & \u{1b}[31mearn\u{202e}"
        let copy = CustomerCopy(customer: customer(), plan: p, version: 1, planner: nil, signatures: [],
                                printedOn: day("2026-11-23"))
        #expect(copy.html.contains("&lt;b&gt;Work&lt;/b&gt; &amp;"))
        #expect(!copy.text.contains("\u{1b}") && !copy.text.contains("\u{202e}"))
        #expect(copy.markdown.contains("\\<b\\>Work"))
    }
}
