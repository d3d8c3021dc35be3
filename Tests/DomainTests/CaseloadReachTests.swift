import Domain
import Testing

/// Whose customers a user may open and work: a planner their own, the
/// unassigned and the caseloads they cover, on the days the cover runs.
@Suite struct CaseloadReachTests {
    let maria = Staff(login: "mrivera", name: "María Rivera", initials: "MR", role: .planner)
    let cover = Covering(login: "mrivera", forLogin: "wchen", from: day("2026-11-23"), until: day("2026-12-04"),
                         reason: "Wei is on leave", grantedBy: "asantos")

    @Test func aPlannerReachesTheirOwnAndTheUnassignedOnly() {
        let reach = CaseloadReach.of(maria, coverings: [], on: day("2026-11-23"))
        #expect(reach == .planners(["mrivera"]))
        #expect(reach.includes(planner: "mrivera") && reach.includes(planner: nil))
        #expect(!reach.includes(planner: "wchen"))
    }

    @Test func aCoverRunsFromItsFirstToItsLastDayIncluded() {
        #expect(!CaseloadReach.of(maria, coverings: [cover], on: day("2026-11-22")).includes(planner: "wchen"))
        #expect(CaseloadReach.of(maria, coverings: [cover], on: day("2026-11-23")).includes(planner: "wchen"))
        #expect(CaseloadReach.of(maria, coverings: [cover], on: day("2026-12-04")).includes(planner: "wchen"))
        #expect(!CaseloadReach.of(maria, coverings: [cover], on: day("2026-12-05")).includes(planner: "wchen"))
        // Someone else's cover gives María nothing.
        var theirs = cover
        theirs.login = "tnguyen"
        #expect(!CaseloadReach.of(maria, coverings: [theirs], on: day("2026-11-24")).includes(planner: "wchen"))
    }

    @Test func everyOtherRoleReachesEveryone() {
        for role in [Role.frontDesk, .supervisor, .administrator] {
            var s = maria
            s.role = role
            #expect(CaseloadReach.of(s, coverings: [], on: day("2026-11-23")) == .everyone)
        }
    }

    @Test func aCoverNeedsAReasonAnOrderAndAtMostAYear() {
        #expect(cover.problem == nil)
        var c = cover
        c.forLogin = "mrivera"
        #expect(c.problem == "a planner cannot cover their own caseload")
        c = cover
        c.until = day("2026-11-22")
        #expect(c.problem == "it ends (2026-11-22) before it starts (2026-11-23)")
        c = cover
        c.until = day("2027-11-24")
        #expect(c.problem == nil)
        c.until = day("2027-11-25")
        #expect(c.problem == "cover for at most a year; hand the caseload over instead")
        c = cover
        c.reason = "  "
        #expect(c.problem == "say why (--reason \"...\")")
    }
}
