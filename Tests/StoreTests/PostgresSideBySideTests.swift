import Domain
import Foundation
import PostgresStore
import Store
import Testing

/// The PostgreSQL store reads a caseload as the file-backed store reads the
/// same caseload: the synthetic 48 customers, moved into a throw-away
/// cluster as `careerplan migrate` moves them, then every read compared.
@Suite(.serialized, .enabled(if: ScratchCluster.whyNot == nil, "PostgreSQL side by side: \(ScratchCluster.whyNot ?? "")"))
struct PostgresSideBySideTests {
    let temporary = TemporaryDirectory()
    let cluster: ScratchCluster
    let file: CaseloadStore
    let database: PostgresCaseload
    let link: PostgresLink

    init() throws {
        file = try seededStore(at: temporary.path + "/c.sqlite", customers: 48)
        cluster = try ScratchCluster()
        let dba = try cluster.superuser()
        try PostgresAdmin.install(dba)
        let admin = Staff(login: "admin", name: "Admin", initials: "A", role: .administrator)
        database = PostgresCaseload(link: dba, now: { testNow })
        link = dba
        // Moved in pieces of 7 customers, as `migrate` moves a data file (5,000 a piece): every test here
        // then also says the pieces, loaded in order, are the file.
        let file = file
        try dba.transaction {
            let load = try Transfer.Load(into: dba)
            var check = ImportCheck()
            try file.exportPieces(by: admin, customersPerPiece: 7) { piece in
                try check.check(piece)
                try load.add(piece)
            }
            let kept = try load.finish(what: "the test's caseload")
            try #require(try Transfer.firstDifference(dba, keeping: kept) == nil)
            try database.refreshAllDue()
        }
    }

    /// The reports read the same facts from either store: deadlines, quality, performance, the extract.
    @Test func theReportsReadTheSame() throws {
        let admin = Staff(login: "admin", name: "Admin", initials: "A", role: .administrator)
        let mrivera = try file.staff(login: "mrivera")
        let matrix = try file.servicesMatrix()
        for (user, planner) in [(admin, nil), (admin, "tnguyen"), (mrivera, nil)] as [(Staff?, String?)] {
            let (a, b) = (try database.clockFacts(planner: planner, by: user, asOf: testToday),
                          try file.clockFacts(planner: planner, by: user, asOf: testToday))
            #expect(a == b && !a.isEmpty, "\(String(describing: planner))")
            let settings = try file.clockSettings()
            #expect(DeadlineReport(facts: a, asOf: testToday, settings: settings).text
                    == DeadlineReport(facts: b, asOf: testToday, settings: settings).text)
            #expect(try database.qualityFacts(planner: planner, by: user, asOf: testToday, matrix: matrix).map { PlanQuality.rate($0, on: testToday) }
                    == file.qualityFacts(planner: planner, by: user, asOf: testToday, matrix: matrix).map { PlanQuality.rate($0, on: testToday) })
        }
        let (from, to) = (Day(parsing: "2025-07-01")!, Day(parsing: "2026-06-30")!)
        let (x, y) = (try database.participantFiles(from: from, to: to, planner: nil, by: admin),
                      try file.participantFiles(from: from, to: to, planner: nil, by: admin))
        #expect(ParticipantExtract(files: x, matrix: matrix, asOf: testToday).rows
                == ParticipantExtract(files: y, matrix: matrix, asOf: testToday).rows)
        #expect(throws: StoreError.self) { try database.participantFiles(from: from, to: to, planner: nil, by: mrivera) }
        #expect(throws: StoreError.self) { try database.clockFacts(planner: "tnguyen", by: mrivera, asOf: testToday) }
    }

    /// Export gives the same bytes from either store.
    @Test func theExportIsTheSameJSON() throws {
        let admin = Staff(login: "admin", name: "Admin", initials: "A", role: .administrator)
        let (a, b) = (try database.exportJSON(by: admin), try file.exportJSON(by: admin))
        #expect(a == b, "\(String(decoding: a.prefix(300), as: UTF8.self))")
        #expect(throws: StoreError.self) { try database.exportJSON(by: try file.staff(login: "mrivera")) }
    }

    @Test func theCenterReadsTheSame() throws {
        #expect(try database.staff() == file.staff())
        #expect(try database.clockSettings() == file.clockSettings())
        #expect(try database.servicesMatrix().services == file.servicesMatrix().services)
        for login in ["mrivera", "asantos", "dbrooks"] {
            let user = try #require(try file.staff().first { $0.login == login })
            #expect(try database.reach(of: user, on: testToday) == file.reach(of: user, on: testToday), "\(login)")
        }
        #expect(try database.reach(of: nil, on: testToday) == file.reach(of: nil, on: testToday))
    }

    /// The list, its searches (a prefix, two words, an ID three ways, an
    /// accent typed or not, nothing found), a planner's, a reach's.
    @Test func theCaseloadListsAndSearchesTheSame() throws {
        // "c" and "c0" begin every customer's ID. One and two letters are counted from the tallies and paged by
        // the letters' index; a longer word is counted from the word tally (an ID's spelling from the word index)
        // and paged from the index of its first three letters. "jos" and "ana" begin more than one word of some customers.
        let filters: [CaseloadFilter] = ["", "m", "ma", "gua her", "C000016", "16", "c16", "jose", "josé", "zzz", "  ",
                                         "c", "c0", "m c", "ma c0", "her", "c00", "c000", "mar c", "mar", "mart",
                                         "gua", "guad", "nguyen", "ana", "000", "c0000", "jos", "mu"]
            .map { CaseloadFilter(search: $0) }
            + [CaseloadFilter(planner: "mrivera"), CaseloadFilter(search: "a", planner: "tnguyen"),
               CaseloadFilter(reach: .planners(["mrivera"])), CaseloadFilter(reach: .planners([])),
               CaseloadFilter(search: "c", reach: .planners(["mrivera"])), CaseloadFilter(search: "ma", reach: .planners([])),
               CaseloadFilter(search: "c", planner: "mrivera", reach: .planners(["tnguyen"])),
               CaseloadFilter(search: "mar", reach: .planners(["mrivera"])), CaseloadFilter(search: "her", planner: "mrivera"),
               CaseloadFilter(search: "gua", reach: .planners([]))]
        // On 48 customers the server sorts a search's few matches; without sorting or scanning it reads them
        // in name order from the word indexes, as it does for a common name among a million.
        for settings in ["RESET enable_sort; RESET enable_seqscan", "SET enable_sort = off; SET enable_seqscan = off"] {
            try link.run(settings)
            for f in filters {
                #expect(try database.count(f) == file.count(f), "\(f), \(settings)")
                for (offset, limit) in [(0, 20), (20, 20), (40, 20)] {
                    #expect(try database.customers(f, offset: offset, limit: limit).map(\.id)
                            == file.customers(f, offset: offset, limit: limit).map(\.id), "\(f) \(offset), \(settings)")
                }
            }
        }
        try link.run("RESET enable_sort; RESET enable_seqscan")
        for id in [1, 16, 24, 48, 99].map({ CustomerID(Int64($0)) }) {
            #expect(try database.position(of: id) == file.position(of: id), "\(id)")
        }
    }

    @Test func eachCustomersRecordsReadTheSame() throws {
        for n in 1...48 {
            let id = CustomerID(Int64(n))
            #expect(try database.customer(id) == file.customer(id), "\(id)")
            #expect(try database.caseWork(id) == file.caseWork(id), "\(id)")
            #expect(try database.plan(for: id) == file.plan(for: id), "\(id)")
            #expect(try database.planVersions(for: id) == file.planVersions(for: id), "\(id)")
            #expect(try database.clockFacts(for: id) == file.clockFacts(for: id), "\(id)")
            #expect(try database.duplicateDecisions(for: id) == file.duplicateDecisions(for: id), "\(id)")
            #expect(try database.dismissals(for: id) == file.dismissals(for: id), "\(id)")
        }
    }

    /// Possible duplicates of a new entry, and a period's participants as each role may read them.
    @Test func duplicatesAndParticipantsReadTheSame() throws {
        for n in [3, 16, 24, 40] {
            var twin = try #require(try file.customer(CustomerID(Int64(n))))
            twin.id = CustomerID(999)
            #expect(try database.possibleDuplicates(of: twin).map { "\($0)" } == file.possibleDuplicates(of: twin).map { "\($0)" })
        }
        for login in ["mrivera", "asantos"] {
            let user = try file.staff(login: login)
            for (from, to) in [("2025-07-01", "2026-06-30"), ("2024-07-01", "2025-06-30")] {
                let (a, b) = (Day(parsing: from)!, Day(parsing: to)!)
                #expect(try database.participantFacts(from: a, to: b, planner: nil, by: user)
                        == file.participantFacts(from: a, to: b, planner: nil, by: user), "\(login) \(from)")
            }
        }
        #expect(throws: StoreError.self) {
            try database.participantFacts(from: testToday, to: testToday, planner: "tnguyen", by: try file.staff(login: "mrivera"))
        }
    }

    /// The due table: the caseload's column, the dashboard's counts, summary and pages, for everyone,
    /// a planner, a rule, on a day and a week later.
    @Test func whatIsDueReadsTheSame() throws {
        let settings = try file.clockSettings()
        let ids = (1...48).map { CustomerID(Int64($0)) }
        for day in [testToday, testToday.adding(days: 7)] {
            func clocks(_ d: [CustomerID: Clock]) -> [String] { d.map { "\($0.key) \($0.value)" }.sorted() }
            #expect(clocks(try database.nextDue(ids: ids, on: day, settings: settings))
                    == clocks(try file.nextDue(ids: ids, on: day, settings: settings)))
            #expect(try database.awaitingSignatures(ids: ids) == file.awaitingSignatures(ids: ids))
            for (planners, rule) in [(nil, nil), (["mrivera"], nil), (["mrivera", "tnguyen"], nil), (nil, ClockRule.allCases.first),
                                     ([], nil)] as [([String]?, ClockRule?)] {
                let a = try database.dueCounts(planners: planners, rule: rule, on: day, settings: settings)
                let b = try file.dueCounts(planners: planners, rule: rule, on: day, settings: settings)
                #expect(a.total == b.total && a.overdue == b.overdue && a.dueSoon == b.dueSoon, "\(String(describing: planners))")
                let (x, y) = (try database.dueSummary(planners: planners, rule: rule, on: day, settings: settings),
                              try file.dueSummary(planners: planners, rule: rule, on: day, settings: settings))
                #expect(x.urgentByPlanner == y.urgentByPlanner && x.rules == y.rules && x.total == y.total)
                for offset in [0, 20] {
                    #expect(try database.dueItems(planners: planners, rule: rule, on: day, settings: settings, offset: offset, limit: 20)
                            .map { "\($0.customer.id) \($0.clock)" }
                            == file.dueItems(planners: planners, rule: rule, on: day, settings: settings, offset: offset, limit: 20)
                            .map { "\($0.customer.id) \($0.clock)" })
                }
            }
        }
    }

    /// The whole case file, the plan's signing state, the customer's copy
    /// and the quality rubric on it.
    @Test func eachCaseFileSigningStateCopyAndRatingReadsTheSame() throws {
        let matrix = try file.servicesMatrix()
        for n in 1...48 {
            let id = CustomerID(Int64(n))
            let (a, b) = (try database.caseFile(id), try file.caseFile(id))
            #expect(a?.customer == b?.customer && a?.application == b?.application && a?.certification == b?.certification, "\(id)")
            #expect(a?.applicationSaved?.by == b?.applicationSaved?.by && a?.applicationSaved?.at == b?.applicationSaved?.at)
            #expect(a?.amendments == b?.amendments && a?.documents == b?.documents && a?.screenings == b?.screenings, "\(id)")
            #expect(a?.gsa == b?.gsa && a?.assessments == b?.assessments && a?.barriers == b?.barriers, "\(id)")
            #expect(a?.corrections == b?.corrections && a?.work == b?.work, "\(id)")
            func signing(_ s: (plan: PlanVersion, states: [(role: SignerRole, state: Signing.State)])?) -> [String] {
                (s.map { ["v\($0.plan.version)"] } ?? []) + (s?.states.map { "\($0.role) \($0.state.text)" } ?? [])
            }
            #expect(signing(try database.signingStates(for: id, today: testToday))
                    == signing(try file.signingStates(for: id, today: testToday)), "\(id)")
            #expect(try database.customerCopy(for: id, today: testToday, language: nil, matrix: try .bundled())?.blocks
                    == file.customerCopy(for: id, today: testToday, language: nil, matrix: try .bundled())?.blocks, "\(id)")
            #expect(try database.qualityFacts(for: id, matrix: matrix).map { PlanQuality.rate($0, on: testToday) }
                    == file.qualityFacts(for: id, matrix: matrix).map { PlanQuality.rate($0, on: testToday) }, "\(id)")
        }
        // A planner opening another's customer is told why, as by the file store.
        let mrivera = try #require(try file.staff(login: "mrivera"))
        let theirs = try #require(try file.customers(CaseloadFilter(planner: "tnguyen"), offset: 0, limit: 1).first)
        #expect(throws: StoreError.self) { try database.caseFile(theirs.id, readBy: mrivera, on: testToday) }
        #expect(try database.caseFile(CustomerID(16), readBy: mrivera, on: testToday)?.customer.id == CustomerID(16))
    }

    /// The same writes on both stores leave the same records: a two-way
    /// contact note (the customer's last contact moves), an amendment, and
    /// the same refusals (an amendment of no note, another planner's
    /// customer, a full SSN); drafts are kept and dropped.
    @Test func theSameNotesAndDraftsLeaveTheSameRecords() throws {
        let mrivera = try #require(try file.staff(login: "mrivera"))
        let id = CustomerID(16)
        let note = CaseNote(id: 0, customer: id, kind: .contact, eventOn: testToday, enteredOn: testToday, author: "someone",
                            text: "Called about the course schedule.", channel: .phone, twoWay: true)
        let (a, b) = (try database.addNote(note, by: mrivera), try file.addNote(note, by: mrivera))
        #expect(a == b && a.author == "mrivera")
        var amendment = note
        amendment.text = "The call was on Monday."
        amendment.amends = a.id
        #expect(try database.addNote(amendment, by: mrivera) == file.addNote(amendment, by: mrivera))
        #expect(try database.caseWork(id) == file.caseWork(id))
        #expect(try database.customer(id) == file.customer(id))
        #expect(try database.customer(id)?.lastContactOn == testToday)
        let settings = try file.clockSettings()
        #expect(try database.nextDue(ids: [id], on: testToday, settings: settings).map { "\($0.value)" }
                == file.nextDue(ids: [id], on: testToday, settings: settings).map { "\($0.value)" })
        amendment.amends = 99_999
        #expect(throws: StoreError.notFound("note 99999")) { try database.addNote(amendment, by: mrivera) }
        #expect(throws: StoreError.notFound("note 99999")) { try file.addNote(amendment, by: mrivera) }
        let theirs = try #require(try file.customers(CaseloadFilter(planner: "tnguyen"), offset: 0, limit: 1).first)
        var elsewhere = note
        elsewhere.customer = theirs.id
        #expect(throws: StoreError.self) { try database.addNote(elsewhere, by: mrivera) }
        var ssn = note
        ssn.text = "SSN 123-45-6789"
        #expect(throws: StoreError.self) { try database.addNote(ssn, by: mrivera) }
        #expect(try database.caseWork(id) == file.caseWork(id))

        try database.saveDraft(["text": "half a note, SSN 123-45-6789"], customer: id, form: "note")
        #expect(try database.draft(customer: id, form: "note")?.values == ["text": "half a note, SSN •••-••-••••"])
        try database.deleteDraft(customer: id, form: "note")
        #expect(try database.draft(customer: id, form: "note") == nil)
    }

    /// Case work written to both stores leaves the same records, customer
    /// and due items: a referral sent and accepted, a job and its
    /// correction, a pause, a service elsewhere, follow-up declined after exit.
    @Test func theSameCaseWorkLeavesTheSameRecords() throws {
        let admin = Staff(login: "admin", name: "Admin", initials: "A", role: .administrator)
        let id = CustomerID(16)
        func same(_ what: String) throws {
            #expect(try database.caseWork(id) == file.caseWork(id), "\(what)")
            #expect(try database.customer(id) == file.customer(id), "\(what)")
            let settings = try file.clockSettings()
            #expect(try database.nextDue(ids: [id], on: testToday, settings: settings).map { "\($0.value)" }
                    == file.nextDue(ids: [id], on: testToday, settings: settings).map { "\($0.value)" }, "\(what)")
        }
        let referral = Referral(id: 0, customer: id, partner: .adultEducation, sentOn: testToday, reason: "GED classes",
                                recordedBy: "x")
        let sent = try database.addReferral(referral, by: admin)
        #expect(sent == (try file.addReferral(referral, by: admin)))
        var accepted = sent
        accepted.status = .accepted
        accepted.history.append(ReferralChange(status: .accepted, on: testToday, by: "x"))
        #expect(try database.updateReferral(sent, to: accepted, by: admin) == file.updateReferral(sent, to: accepted, by: admin))
        #expect(throws: StoreError.self) { try database.updateReferral(sent, to: accepted, by: admin) }
        try same("referral")

        let job = Outcome(id: 0, customer: id, kind: .employment, on: testToday.adding(days: -3), knownOn: testToday,
                          enteredOn: testToday, recordedBy: "x",
                          answers: ["employer": "Harbor Foods", "hours": "32", "wage": "17.50", "occupation": "cook"])
        let hired = try database.addOutcome(job, by: admin)
        #expect(hired == (try file.addOutcome(job, by: admin)))
        var moved = hired
        moved.on = testToday.adding(days: -4)
        #expect(try database.correctOutcome(hired, to: moved, by: admin) == file.correctOutcome(hired, to: moved, by: admin))
        try same("outcome")

        let elsewhere = OtherProgramService(id: 0, customer: id, program: .wagnerPeyser, service: "resume workshop", on: testToday,
                                            scheduled: false, recordedBy: "x", recordedOn: testToday)
        #expect(try database.addOtherService(elsewhere, by: admin) == file.addOtherService(elsewhere, by: admin))
        try same("elsewhere")

        let exited = try #require(try file.customers(CaseloadFilter(), offset: 0, limit: 48).first { $0.exitedOn != nil })
        let decline = FollowUpDecline(customer: exited.id, on: testToday, reason: "moved out of state", recordedBy: "x")
        try database.declineFollowUp(decline, by: admin)
        try file.declineFollowUp(decline, by: admin)
        #expect(try database.caseWork(exited.id) == file.caseWork(exited.id))
        var notYet = decline
        notYet.customer = id
        #expect(throws: FieldProblems.self) { try database.declineFollowUp(notYet, by: admin) }
        // The planned exit of someone not ready is refused by both, in the same words.
        let c = try #require(try file.customer(id))
        var words: [String] = []
        for store in [{ try self.database.exit(c, by: admin, today: testToday) }, { try self.file.exit(c, by: admin, today: testToday) }] {
            do { _ = try store() } catch { words.append("\(error)") }
        }
        #expect(words.count == 2 && words[0] == words[1], "\(words)")
    }
}
