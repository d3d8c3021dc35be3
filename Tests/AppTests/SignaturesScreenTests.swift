import App
import Domain
import Foundation
import Store
import Testing
import TerminalKit

/// Signing from the plan screen by keys, and the customer's copy of a demo
/// plan as text and HTML (golden files).
@Suite struct SignaturesScreenTests {
    @Test func theCustomerAndPlannerSignAndAChangeOutdatesBoth() throws {
        let h = try Harness(login: "wchen")
        h.openCustomer(10)
        h.press(.char("p"))
        #expect(h.lines[2].contains("! awaiting signatures (i)"))
        h.press(.char("i"))
        try expectGolden("signatures", h.screen)
        h.press(.enter)
        try expectGolden("sign-customer", h.screen)
        h.press(.tab, .tab)
        h.type("Chloe Dupont")
        h.press(.tab, .char(" "), .ctrl("s"))
        #expect(h.screen.contains("✗ does not match the name on record (Chloé Dubois)"))
        h.press(.ctrl("u"))   // a refused save puts the cursor on the first field to fix
        h.type("chloe dubois")
        h.press(.ctrl("s"))
        #expect(h.lines[22].contains("✓ Customer signed version 2 on 2026-11-23"))
        h.press(.down, .enter, .tab, .tab)
        h.type("陈伟 Wei Chen")
        h.press(.tab, .char(" "), .ctrl("s"))
        #expect(h.lines[2].contains("✓ Signed by everyone on version 2"))
        // The caseload's ✎ (kept with the due items) goes with the last signature.
        #expect(try h.store.awaitingSignatures(ids: [CustomerID(10)]).isEmpty)
        h.press(.escape)
        #expect(h.lines[2].contains("✓ signed"))
        // Change a step and save: both signatures are outdated.
        h.press(.down, .down, .down, .enter)
        h.press(.ctrl("u"))
        h.type("Apply for at least three welder jobs each week.")
        h.press(.ctrl("s"), .ctrl("s"))
        #expect(h.lines[22].contains("the signatures are now outdated: sign again (i)"))
        #expect(h.lines[2].contains("! awaiting signatures (i)"))
        #expect(try h.store.awaitingSignatures(ids: [CustomerID(10)]) == [CustomerID(10)])
        h.press(.char("i"))
        #expect(h.lines[5].contains("! OUTDATED: signed 2026-11-23; plan changed on"))
        #expect(h.lines[6].contains("! OUTDATED: signed 2026-11-23; plan changed on"))
        // The signed version stays viewable exactly as signed.
        h.press(.char("v"))
        #expect(h.screen.contains("Apply for at least five welder jobs"))
        #expect(!h.screen.contains("three welder jobs"))
    }

    @Test func theCustomersCopyOfADemoPlan() throws {
        let h = try Harness()
        let copy = try #require(try h.store.customerCopy(for: CustomerID(16), today: Harness.today))
        try expectGolden("copy-text", copy.text)
        try expectGolden("copy-html", copy.html)
        let unsigned = try #require(try h.store.customerCopy(for: CustomerID(10), today: Harness.today))
        #expect(unsigned.text.contains("This is a copy of an UNSIGNED plan"))
    }

    @Test func wWritesTheCopyAndShowsWhere() throws {
        let dir = NSTemporaryDirectory() + "careerplan-copies-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Only this test writes copies; the session reads the directory when it starts.
        setenv("CAREERPLAN_COPIES", dir, 1)
        let h = try Harness()
        h.openCustomer(16)
        h.press(.char("p"), .char("w"))
        let path = dir + "/C000016-plan-v2-2026-11-23.html"
        #expect(h.lines[22].contains("Copy written: "))
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.contains("Małgorzata Wiśniewska") && written.contains("<h1>Your Career Plan</h1>"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
