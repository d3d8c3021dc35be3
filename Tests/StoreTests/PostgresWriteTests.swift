import Domain
import Foundation
import PostgresStore
import Store
import Synchronization
import Testing

/// Every kind of write, made to both stores from the same caseload, leaves
/// the same records behind and is refused for the same reasons: entry and
/// the application, documents and certification, the assessment, barriers,
/// the plan, its review and signatures, recommendations, covers, settings.
@Suite(.serialized, .enabled(if: ScratchCluster.whyNot == nil, "PostgreSQL writes: \(ScratchCluster.whyNot ?? "")"))
struct PostgresWriteTests {
    let temporary = TemporaryDirectory()
    let cluster: ScratchCluster
    let file: CaseloadStore
    let database: PostgresCaseload
    let admin = Staff(login: "admin", name: "Admin", initials: "A", role: .administrator)

    init() throws {
        file = try seededStore(at: temporary.path + "/c.sqlite", customers: 48)
        cluster = try ScratchCluster()
        let dba = try cluster.superuser()
        try PostgresAdmin.install(dba)
        database = PostgresCaseload(link: dba, now: { testNow })
        let export = try file.exportJSON(by: admin)
        try dba.transaction {
            try Transfer.load(export, dba, what: "the test's caseload")
            try database.refreshAllDue()
        }
    }

    /// Both stores' answer to the same write: equal results, or the same refusal in the same words.
    func both<T: Equatable>(_ what: String, sourceLocation: SourceLocation = #_sourceLocation,
                            _ write: (any Caseload) throws -> T) {
        // Who changed a record meanwhile is the signed-in account: the server's postgres here, the file's root.
        // When is the clock's minute as each store wrote it, a moment apart: the two can straddle a minute.
        func run(_ store: any Caseload) -> (value: T?, refusal: String?) {
            do { return (try write(store), nil) } catch {
                return (nil, "\(error)".replacingOccurrences(of: "(postgres at ", with: "(root at ")
                    .replacingOccurrences(of: #" at \d{4}-\d\d-\d\d \d\d:\d\d"#, with: " at (the minute)", options: .regularExpression))
            }
        }
        let (a, b) = (run(database), run(file))
        #expect(a.value == b.value && a.refusal == b.refusal, "\(what): \(a) and \(b)", sourceLocation: sourceLocation)
    }

    func sameCase(_ id: CustomerID, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (a, b) = (try database.caseFile(id), try file.caseFile(id))
        #expect(a?.customer == b?.customer && a?.application == b?.application && a?.certification == b?.certification
                && a?.documents == b?.documents && a?.gsa == b?.gsa && a?.assessments == b?.assessments
                && a?.barriers == b?.barriers && a?.corrections == b?.corrections && a?.work == b?.work && a?.amendments == b?.amendments,
                "\(id)", sourceLocation: sourceLocation)
        #expect(try database.planVersions(for: id) == file.planVersions(for: id), sourceLocation: sourceLocation)
        #expect(try database.dismissals(for: id) == file.dismissals(for: id), sourceLocation: sourceLocation)
        let settings = try file.clockSettings()
        #expect(try database.nextDue(ids: [id], on: testToday, settings: settings).map { "\($0.value)" }
                == file.nextDue(ids: [id], on: testToday, settings: settings).map { "\($0.value)" }, sourceLocation: sourceLocation)
    }

    @Test func entryApplicationDocumentsAndCertification() throws {
        let desk = try #require(try file.staff(login: "dbrooks"))
        let entry = CustomerEntry([.legalName: "Marisol Quintero", .zip: "60623", .birthDate: "1988-03-04"])
        both("entry") { try $0.enter(entry, by: desk, today: testToday, despite: [CustomerID(3)]) }
        let id = try #require(try file.customers(CaseloadFilter(search: "Marisol Quintero"), offset: 0, limit: 1).first).id
        #expect(try database.duplicateDecisions(for: id) == file.duplicateDecisions(for: id))
        let c = try #require(try file.customer(id))
        let form = ApplicationForm(["program": "adult", "appliedOn": "2026-11-23", "street": "1 Main St", "city": "Chicago",
                                    "state": "IL", "sex": "female", "rightToWork": "citizen", "lowIncome": "yes",
                                    "barrier-homeless": "yes"])
        both("application") { try $0.saveApplication(form, customer: c, by: desk, today: testToday, amendReason: nil) }
        both("application over a stale copy") { try $0.saveApplication(form, customer: c, by: desk, today: testToday, amendReason: nil) }
        try sameCase(id)
        let saved = try #require(try file.customer(id))
        let mrivera = try #require(try file.staff(login: "mrivera"))
        both("certify without documents") {
            try $0.certify(saved, titles: [.adult], on: testToday, lateReason: "", undocumentedReason: "", by: mrivera, today: testToday)
        }
        for item in try #require(try file.caseFile(id)).checklist {
            let d = EligibilityDocument(customer: id, item: item.key, documentType: item.documentTypes[0], seenOn: testToday,
                                        recordedBy: "mrivera")
            both("document \(item.key)") { try $0.recordDocument(d, by: mrivera); return true }
        }
        both("screening") {
            try $0.recordScreening(BasicSkillsScreening(customer: id, screenedOn: testToday, result: .notDeficient,
                                                        recordedBy: "mrivera"), by: mrivera)
            return true
        }
        both("certify") {
            try $0.certify(saved, titles: [.adult], on: testToday, lateReason: "", undocumentedReason: "", by: mrivera, today: testToday)
        }
        try sameCase(id)
        #expect(try database.customer(id)?.eligibleOn == testToday)
        var amended = form
        amended["street"] = "2 Main St"
        let certified = try #require(try file.customer(id))
        both("amendment without a reason") {
            try $0.saveApplication(amended, customer: certified, by: mrivera, today: testToday, amendReason: nil)
        }
        both("amendment") {
            try $0.saveApplication(amended, customer: certified, by: mrivera, today: testToday, amendReason: "moved")
        }
        try sameCase(id)
        #expect(try database.caseFile(id)?.amendments.count == 1)
        // After a new customer and the saves of their application and certification, the tallies are a recount.
        #expect(try cluster.superuser().value(Self.tallyDifferences) == "0")
        #expect(try cluster.superuser().value(Self.dueTallyDifferences) == "0")
    }

    /// Two members entering and handing over customers at once: each write takes the tally rows it
    /// changes in key order, so neither waits on the other in a circle, and the tallies stay a recount.
    @Test func twoWritersAtOnceKeepTheTalliesARecount() throws {
        let links = [try cluster.superuser(), try cluster.superuser()]
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            for n in 0..<60 {
                let id = 5_000 + writer * 1_000 + n
                let planner = n % 2 == 0 ? "NULL" : "'mrivera'"
                let body = """
                    {"id": "C\(String(format: "%06d", id))", "legalName": "Gu Nguyen", \(n % 2 == 0 ? "" : "\"planner\": \"mrivera\", ")\
                    "zip": "60601", "birthDate": "1990-01-01", "enteredOn": "2026-11-01", "isVeteran": false, "version": 1}
                    """
                do {
                    try links[writer].run("""
                        INSERT INTO careerplan.customer (id, planner, sort_name, words, body)
                        VALUES (\(id), \(planner), 'gu nguyen', ' gu nguyen c\(String(format: "%06d", id))', '\(body)')
                        """)
                    // Due items on the same days as the other writer's, some taken away again: the same tally rows.
                    try links[writer].run("""
                        INSERT INTO careerplan.due (customer_id, planner, rule, due_on, until_on)
                        VALUES (\(id), \(planner), 'contact-30', '2026-12-1\(n % 5)', NULL),
                               (\(id), \(planner), 'follow-up-12m', '2027-01-0\(1 + n % 3)', '2027-02-01')
                        """)
                    if n % 3 == 0 { try links[writer].run("DELETE FROM careerplan.due WHERE customer_id = \(id) AND rule = 'contact-30'") }
                    // The other writer's customers change hands meanwhile: every statement touches the same rows
                    // (their due items follow the planner).
                    try links[writer].run("""
                        UPDATE careerplan.customer SET planner = 'mrivera', body = jsonb_set(body, '{planner}', '"mrivera"')
                        WHERE id = \(id) AND planner IS NULL
                        """)
                } catch { failures.withLock { $0.append("\(error)") } }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(try cluster.superuser().value(Self.tallyDifferences) == "0")
        #expect(try cluster.superuser().value(Self.dueTallyDifferences) == "0")
        #expect(try cluster.superuser().value("SELECT customers::text FROM careerplan.customer_tally WHERE planner = 'mrivera' AND prefix = 'ng'")
                == String(120 + (try file.count(CaseloadFilter(search: "ng", planner: "mrivera")))))
        // A longer search's count, from the word tally: each new customer once (their "nguyen" follows "gu").
        #expect(try cluster.superuser().value("""
            SELECT sum(customers)::text FROM careerplan.word_tally
            WHERE planner = 'mrivera' AND word >= 'nguy' AND word < 'nguz' AND shared < 4
            """) == String(120 + (try file.count(CaseloadFilter(search: "nguy", planner: "mrivera")))))
    }

    /// Rows where the server's tallies (careerplan.customer_tally of one and two letters, careerplan.word_tally
    /// of words) and a recount of the customers differ.
    static let tallyDifferences = """
        WITH recount AS (SELECT coalesce(c.planner, '') AS planner, p AS prefix, count(*) AS customers
                         FROM careerplan.customer c, careerplan.tally_prefixes(c.words) AS p GROUP BY 1, 2),
             kept AS (SELECT planner, prefix, customers FROM careerplan.customer_tally WHERE customers <> 0),
             words AS (SELECT t.word, coalesce(c.planner, '') AS planner, t.shared, count(*) AS customers
                       FROM careerplan.customer c, careerplan.tally_words(c.words) AS t GROUP BY 1, 2, 3),
             words_kept AS (SELECT word, planner, shared, customers FROM careerplan.word_tally WHERE customers <> 0)
        SELECT ((SELECT count(*) FROM ((SELECT * FROM recount EXCEPT SELECT * FROM kept)
                                       UNION ALL (SELECT * FROM kept EXCEPT SELECT * FROM recount)) AS d)
                + (SELECT count(*) FROM ((SELECT * FROM words EXCEPT SELECT * FROM words_kept)
                                         UNION ALL (SELECT * FROM words_kept EXCEPT SELECT * FROM words)) AS e))::text
        """

    /// Rows where the server's due tally (careerplan.due_tally) and a recount of the due items differ.
    static let dueTallyDifferences = """
        WITH recount AS (SELECT coalesce(planner, '') AS planner, rule, due_on, coalesce(from_on, '-infinity') AS from_on,
                                coalesce(until_on, 'infinity') AS until_on, count(*) AS items
                         FROM careerplan.due GROUP BY 1, 2, 3, 4, 5),
             kept AS (SELECT planner, rule, due_on, from_on, until_on, items FROM careerplan.due_tally)
        SELECT count(*)::text FROM ((SELECT * FROM recount EXCEPT SELECT * FROM kept)
                                    UNION ALL (SELECT * FROM kept EXCEPT SELECT * FROM recount)) AS d
        """

    @Test func theAssessmentBarriersAndAssessments() throws {
        let mrivera = try #require(try file.staff(login: "mrivera"))
        let id = CustomerID(15)   // eligible, assessment under way
        if let gsa = try file.caseFile(id)?.gsa {
            var mine = gsa
            mine.answers["skills"] = "forklift, bilingual"
            both("the assessment") { try $0.saveGSA(mine, over: gsa, by: mrivera).stored }
        }
        let c = try #require(try file.customer(id))
        both("enroll") { try $0.enroll(c, on: testToday, by: mrivera) }
        let barrier = BarrierRecord(id: 0, customer: id, kind: "transportation", description: "no car", plan: "bus pass",
                                    identifiedOn: testToday, recordedBy: "x")
        both("barrier") { try $0.addBarrier(barrier, by: mrivera) }
        let added = try #require(try file.caseFile(id)?.barriers.last)
        var corrected = added
        corrected.plan = "bus pass until the first paycheck"
        both("barrier corrected") { try $0.correctBarrier(added, to: corrected, by: mrivera) }
        both("barrier corrected again from the old copy") { try $0.correctBarrier(added, to: corrected, by: mrivera) }
        let now = try #require(try file.caseFile(id)?.barriers.last)
        var overcome = now
        overcome.overcomeOn = testToday
        overcome.overcomeHow = "bought a used car"
        both("barrier overcome") { try $0.overcomeBarrier(now, to: overcome, by: mrivera) }
        let tabe = AssessmentRecord(id: 0, customer: id, instrument: .tabe, version: "11&12 Level M", subject: .reading,
                                    administeredOn: testToday, result: "scale score 512", givenBy: "mrivera", recordedBy: "x")
        both("assessment") { try $0.addAssessment(tabe, by: mrivera) }
        try sameCase(id)
        #expect(try database.caseFile(id)?.barriers.last?.overcomeHow == "bought a used car")
        #expect(try database.caseFile(id)?.corrections.count == 2)
    }

    @Test func thePlanItsReviewSignaturesAndRecommendations() throws {
        let mrivera = try #require(try file.staff(login: "mrivera"))
        let id = CustomerID(16)
        let matrix = try file.servicesMatrix()
        let current = try #require(try file.plan(for: id))
        var plan = current.plan
        plan.goals[0].steps[0].targetDate = testToday.adding(days: 14)
        plan.pathway?.note = "asked about hospital pharmacies"
        both("plan") { try $0.savePlan(plan, over: current.version, by: mrivera, today: testToday, matrix: matrix, reason: nil,
                                       exiting: false) }
        both("plan over a stale version") {
            try $0.savePlan(plan, over: current.version, by: mrivera, today: testToday, matrix: matrix, reason: nil, exiting: false)
        }
        var significant = plan
        significant.goals[0].text = "Work as a certified pharmacy technician at a hospital"
        both("a significant change without a reason") {
            try $0.savePlan(significant, over: current.version + 1, by: mrivera, today: testToday, matrix: matrix, reason: nil,
                            exiting: false)
        }
        both("review") { try $0.recordReview(of: id, over: current.version + 1, by: mrivera, today: testToday) }
        let customer = try #require(try file.customer(id))
        both("signature with a wrong name") {
            try $0.sign(SigningRequest(role: .customer, typedName: "Someone Else", method: .terminal, attested: true),
                        customer: id, planVersion: current.version + 2, by: mrivera, today: testToday)
        }
        both("signature") {
            try $0.sign(SigningRequest(role: .customer, typedName: customer.legalName, method: .terminal, attested: true),
                        customer: id, planVersion: current.version + 2, by: mrivera, today: testToday)
        }
        both("copy") { try $0.recordCopy(of: current.version + 2, for: id, by: mrivera, today: testToday, language: .spanish); return true }
        let dismissal = Dismissal(customer: id, key: "assessment-tabe", fingerprint: "f", reason: "done at the college",
                                  by: "mrivera", on: testToday)
        both("dismiss") { try $0.dismiss(dismissal, by: mrivera); return true }
        try sameCase(id)
        #expect(try database.planVersions(for: id).count == current.version + 2)
        #expect(try database.caseWork(id).signatures.last?.signerName == customer.legalName)
        #expect(try database.dismissals(for: id).count == 1)
        both("restore") { try $0.restore("assessment-tabe", for: id, by: mrivera); return true }
        try sameCase(id)
    }

    @Test func coversAndSettings() throws {
        let asantos = try #require(try file.staff(login: "asantos"))
        let cover = Covering(login: "mrivera", forLogin: "tnguyen", from: testToday, until: testToday.adding(days: 10),
                             reason: "on leave", grantedBy: "x")
        both("cover") { try $0.cover(cover, by: asantos) }
        let mrivera = try #require(try file.staff(login: "mrivera"))
        #expect(try database.reach(of: mrivera, on: testToday) == file.reach(of: mrivera, on: testToday))
        var settings = try file.clockSettings()
        settings.contactIntervalDays = 45
        both("settings by a supervisor") { try $0.saveClockSettings(settings, by: asantos) }
        both("settings") { try $0.saveClockSettings(settings, by: admin) }
        let ids = (1...48).map { CustomerID(Int64($0)) }
        #expect(try database.nextDue(ids: ids, on: testToday, settings: settings).map { "\($0.key) \($0.value)" }.sorted()
                == file.nextDue(ids: ids, on: testToday, settings: settings).map { "\($0.key) \($0.value)" }.sorted())
    }

    /// Handing a caseload over, ending a cover early, a planner leaving and
    /// coming back: the same customers move, the same refusals, the same staff list.
    @Test func handOffDeactivateAndReactivate() throws {
        let asantos = try #require(try file.staff(login: "asantos"))
        let mrivera = try #require(try file.staff(login: "mrivera"))
        let changes: [(String, (any StaffChanges) throws -> String)] = [
            ("hand-off by a planner", { "\(try $0.handOff(from: "wchen", to: "jokafor", reason: "leave", by: mrivera, today: testToday))" }),
            ("hand-off without why", { "\(try $0.handOff(from: "wchen", to: "jokafor", reason: " ", by: asantos, today: testToday))" }),
            ("hand-off to the front desk", { "\(try $0.handOff(from: "wchen", to: "dbrooks", reason: "x", by: asantos, today: testToday))" }),
            ("hand-off to one who left", { "\(try $0.handOff(from: "wchen", to: "rdiaz", reason: "x", by: asantos, today: testToday))" }),
            ("hand-off", { "\(try $0.handOff(from: "wchen", to: "jokafor", reason: "on leave", by: asantos, today: testToday))" }),
            ("end a cover", { "\(try $0.endCover("tnguyen", for: "jokafor", on: testToday, by: asantos))" }),
            ("end it again", { "\(try $0.endCover("tnguyen", for: "jokafor", on: testToday, by: asantos))" }),
            ("deactivate by a supervisor", { "\(try $0.deactivate("jokafor", on: testToday, reason: "left", handOffTo: nil, by: asantos))" }),
            ("deactivate with customers", { "\(try $0.deactivate("jokafor", on: testToday, reason: "left", handOffTo: nil, by: admin))" }),
            ("deactivate to themselves", { "\(try $0.deactivate("jokafor", on: testToday, reason: "left", handOffTo: "jokafor", by: admin))" }),
            ("deactivate", { "\(try $0.deactivate("jokafor", on: testToday, reason: "left the agency", handOffTo: "tnguyen", by: admin))" }),
            ("deactivate again", { "\(try $0.deactivate("jokafor", on: testToday, reason: "left", handOffTo: nil, by: admin))" }),
            ("reactivate", { try $0.reactivate("jokafor", by: admin); return "" }),
            ("reactivate again", { try $0.reactivate("jokafor", by: admin); return "" }),
            ("reactivate one who never left", { try $0.reactivate("mrivera", by: admin); return "" }),
        ]
        for (what, change) in changes {
            both(what) { try change($0 as! any StaffChanges) }
            #expect(try database.staff() == file.staff(), "\(what)")
            #expect(try database.coverings(from: nil) == file.coverings(from: nil), "\(what)")
            for planner in ["wchen", "jokafor", "tnguyen"] {
                let filter = CaseloadFilter(planner: planner)
                #expect(try database.customers(filter, offset: 0, limit: 100) == file.customers(filter, offset: 0, limit: 100),
                        "\(what): \(planner)")
                // The due items moved with the customers.
                #expect(try database.dueCounts(planners: [planner], on: testToday, settings: file.clockSettings())
                        == file.dueCounts(planners: [planner], on: testToday, settings: file.clockSettings()), "\(what): \(planner)")
            }
        }
        // The server took jokafor's group away while they were gone and gave it back.
        let dba = try cluster.superuser()
        // The tallies searches count from moved with the customers (a hand-off is one statement of many rows).
        #expect(try dba.value(Self.tallyDifferences) == "0")
        let inGroup = try dba.value("SELECT pg_has_role('jokafor', 'careerplan_planner', 'MEMBER')::text")
        #expect(inGroup == "true")
        #expect(try dba.value("SELECT rolcanlogin::text FROM pg_roles WHERE rolname = 'rdiaz'") == "false")
        #expect(try dba.value("SELECT pg_has_role('rdiaz', 'careerplan_planner', 'MEMBER')::text") == "false")
        #expect(try dba.value("SELECT count(*)::text FROM careerplan.caseload_handoff") == "2")
    }

    /// The automatic exit finds and dates the same participants on both stores.
    @Test func theAutomaticExitIsTheSame() throws {
        let matrix = try file.servicesMatrix()
        let later = testToday.adding(days: 150)
        func listed(_ exits: [(customer: CustomerID, exitOn: Day)]) -> [String] { exits.map { "\($0.customer) \($0.exitOn)" } }
        let dry = listed(try database.applyAutomaticExits(today: later, matrix: matrix, by: admin, dryRun: true))
        let fileDry = listed(try file.applyAutomaticExits(today: later, matrix: matrix, by: admin, dryRun: true))
        #expect(!dry.isEmpty && dry == fileDry, "\(dry) vs \(fileDry)")
        #expect(throws: StoreError.self) {
            try database.applyAutomaticExits(today: later, matrix: matrix, by: try file.staff(login: "mrivera"), dryRun: true)
        }
        #expect(listed(try database.applyAutomaticExits(today: later, matrix: matrix, by: admin))
                == listed(try file.applyAutomaticExits(today: later, matrix: matrix, by: admin)))
        // The night's run counts as the day's: an opening later that day skips the check on both; the next day's runs it.
        #expect(try database.applyAutomaticExits(today: later, matrix: matrix).isEmpty)
        #expect(try file.applyAutomaticExits(today: later, matrix: matrix).isEmpty)
        let next = later.adding(days: 400)
        #expect(try database.applyAutomaticExits(today: next, matrix: matrix) == file.applyAutomaticExits(today: next, matrix: matrix))
        #expect(try database.applyAutomaticExits(today: next, matrix: matrix).isEmpty)
        for n in 1...48 {
            let id = CustomerID(Int64(n))
            #expect(try database.customer(id) == file.customer(id), "\(id)")
            #expect(try database.caseWork(id) == file.caseWork(id), "\(id)")
        }
    }
}

