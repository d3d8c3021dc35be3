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
        #expect(h.lines[22].contains("signatures outdated: sign again (i)"))
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

    /// The demo's plans as a customer takes them home, in both languages:
    /// signed (C000016, a youth with barriers), unsigned (C000010), a youth
    /// under 18 whose guardian must sign (C000034), and a customer whose
    /// application asked for Spanish (C000041).
    @Test func theCustomersCopyOfDemoPlans() throws {
        let h = try Harness()
        let matrix = try ServicesMatrix.bundled()
        func copy(_ n: Int64, _ language: CopyLanguage? = nil) throws -> CustomerCopy {
            try #require(try h.store.customerCopy(for: CustomerID(n), today: Harness.today, language: language, matrix: matrix))
        }
        try expectGolden("copy-text", try copy(16).text)
        try expectGolden("copy-html", try copy(16).html)
        try expectGolden("copy-text-es", try copy(16, .spanish).text)
        try expectGolden("copy-html-es", try copy(16, .spanish).html)
        try expectGolden("copy-unsigned-md", try copy(10).markdown)
        try expectGolden("copy-unsigned-md-es", try copy(10, .spanish).markdown)
        try expectGolden("copy-guardian-text", try copy(34).text)
        try expectGolden("copy-guardian-html-es", try copy(34, .spanish).html)
        #expect(try copy(10).text.contains("not final until everyone named under Signatures has signed it"))
        // Their application asked for Spanish; English only when asked for.
        #expect(try copy(41).language == .spanish && copy(41).text.hasPrefix("Su plan de carrera"))
        #expect(try copy(41, .english).text.hasPrefix("Your Career Plan"))
    }

    @Test func wAsksTheLanguageWritesTheCopyAndRemembersIt() throws {
        let dir = NSTemporaryDirectory() + "careerplan-copies-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Only this test writes copies; the session reads the directory when it starts.
        setenv("CAREERPLAN_COPIES", dir, 1)
        let h = try Harness()
        h.openCustomer(16)
        h.press(.char("p"), .char("w"))
        #expect(h.lines[22].contains("Customer's copy: Enter = English (theirs) · e English · s Español · Esc cancel"))
        h.press(.escape)
        #expect(!h.lines[22].contains("Customer's copy:") && !FileManager.default.fileExists(atPath: dir))
        h.press(.char("w"), .char("s"))
        let spanish = dir + "/C000016-plan-v2-2026-11-23-es.html"
        #expect(h.lines[22].contains("Spanish copy written: "))
        let written = try String(contentsOfFile: spanish, encoding: .utf8)
        #expect(written.contains("Małgorzata Wiśniewska") && written.contains("<h1>Su plan de carrera</h1>") && written.contains("lang=\"es\""))
        let mode = try FileManager.default.attributesOfItem(atPath: spanish)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // Spanish is theirs now: Enter offers it, and the copy is recorded in it.
        h.press(.char("w"))
        #expect(h.lines[22].contains("Enter = Spanish (theirs)"))
        h.press(.char("e"))
        let english = try String(contentsOfFile: dir + "/C000016-plan-v2-2026-11-23.html", encoding: .utf8)
        #expect(english.contains("<h1>Your Career Plan</h1>"))
        let copies = try h.store.caseWork(CustomerID(16)).copies
        #expect(copies.suffix(2).map(\.language) == [.spanish, .english])
        h.press(.char("w"))
        #expect(h.lines[22].contains("Enter = English (theirs)"))
    }
}
