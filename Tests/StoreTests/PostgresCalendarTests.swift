import Domain
import Foundation
import PostgresStore
import Store
import Testing

/// What careerplan stamps, the server keeps (v15-server-calendar): a member's stamped days are today
/// somewhere on Earth and its moments now, by the server's clock; a record's maker and stamps stay as
/// stored unless the member writing takes them; histories are only added to, each new entry naming the
/// member. careerplan's own day of work passes through it unchanged.
@Suite(.serialized, .enabled(if: ScratchCluster.whyNot == nil, "PostgreSQL's calendar: \(ScratchCluster.whyNot ?? "")"))
struct PostgresCalendarTests {
    let fixture: PostgresFixture
    var cluster: ScratchCluster { fixture.cluster }
    var dba: PostgresLink { fixture.dba }
    var file: CaseloadStore { fixture.file }
    var writer: PostgresURL { fixture.writer }

    init() throws { fixture = try PostgresFixture() }

    func member(_ login: String) throws -> PostgresLink { try fixture.member(login) }

    func problem(_ value: String, moment: Bool) throws -> String? {
        try dba.value("SELECT careerplan.stamp_problem('it', $1, $2::boolean)", [value, String(moment)])
    }

    @Test func aStampedDayIsTodaySomewhereOnEarthAndAMomentIsNow() throws {
        // 16:30 UTC on the 23rd: from UTC-12's 04:30 on the 23rd to UTC+14's 06:30 on the 24th.
        #expect(try problem("2026-11-22", moment: false)?.contains("is not today by the database server's clock (2026-11-23 UTC)") == true)
        #expect(try problem("2026-11-23", moment: false) == nil)
        #expect(try problem("2026-11-24", moment: false) == nil)
        #expect(try problem("2026-11-25", moment: false) != nil)
        #expect(try problem("23/11/2026", moment: false)?.contains("is not a day as careerplan writes one") == true)
        // Early in the UTC day, Honolulu's and Baker Island's day is still the 22nd, and no zone's is the 24th yet.
        try cluster.pinCalendar(at: "2026-11-23T06:00:00Z")
        #expect(try problem("2026-11-22", moment: false) == nil)
        #expect(try problem("2026-11-24", moment: false) != nil)
        // A moment within 15 minutes of the server's now either way.
        try cluster.pinCalendar(at: testNowText)
        for (moment, kept) in [("2026-11-23T16:45:00Z", true), ("2026-11-23T16:45:01Z", false), ("2026-11-23T16:15:00Z", true),
                               ("2026-11-23T16:14:59Z", false), ("2026-11-23T16:30:00.250Z", true), ("2026-11-22T16:30:00Z", false),
                               ("2026-11-23 16:30:00", false), ("now", false)] {
            #expect(try problem(moment, moment: true) == nil ? kept : !kept, "\(moment)")
        }
        #expect(try problem("2026-11-23T17:00:00Z", moment: true)?.contains("is this computer's clock right?") == true)
    }

    /// Whatever a center's zone, the day careerplan stamps there (Domain's `AreaTime`) is one the server takes,
    /// at every half hour of a day; from UTC-12 to UTC+14, with the half-hour and DST zones between.
    @Test func everyAreasDayIsOneTheServerTakes() throws {
        let zones = ["Etc/GMT+12", "Pacific/Honolulu", "America/Chicago", "America/St_Johns", "UTC", "Asia/Kolkata",
                     "Australia/Lord_Howe", "Pacific/Kiritimati"].map { TimeZone(identifier: $0)! }
        for half in 0..<48 {
            let moment = String(format: "2026-11-23T%02d:%02d:00Z", half / 2, half % 2 * 30)
            try cluster.pinCalendar(at: moment)
            for zone in zones {
                let day = try #require(AreaTime.day(of: moment, in: zone))
                #expect(try problem(day.description, moment: false) == nil, "\(moment) in \(zone.identifier): \(day)")
            }
        }
        try cluster.pinCalendar(at: testNowText)
    }

    /// A hire recorded and its wage corrected (a correction in its history), and a referral sent, as careerplan's forms make them.
    func hireCorrectedAndReferral(_ store: any Caseload, _ id: CustomerID, by planner: Staff) throws -> (Outcome, Referral) {
        let enrolledOn = try file.customer(id)?.enrolledOn
        let job = try store.addOutcome(Outcome.checked(["employer": "Harbor Foods", "on": "2026-11-16", "hours": "32", "wage": "17.50",
                                                        "occupation": "line cook", "knownOn": "2026-11-18"],
                                                       kind: .employment, customer: id, by: planner.login, today: testToday,
                                                       enrolledOn: enrolledOn).get(), by: planner)
        var v = job.values
        v["wage"] = "18.25"
        v["why"] = "the pay stub"
        let fixed = try store.correctOutcome(job, to: job.correcting(v, today: testToday, enrolledOn: enrolledOn).get(), by: planner)
        let sent = try store.addReferral(Referral.checked(["partner": "housing", "sentOn": "2026-11-20", "reason": "eviction"],
                                                          customer: id, by: planner.login, today: testToday).get(), by: planner)
        return (fixed, sent)
    }

    /// A planner's day through careerplan as a member (notes, an outcome corrected, a referral moved, a pause
    /// ended, the plan saved, reviewed, signed and copied) and the same on the file: the same records.
    @Test func careerplansOwnWritesAreKeptAsTheFileKeepsThem() throws {
        let planner = try #require(try file.staff(login: "mrivera"))
        let id = try fixture.enrolled(of: "mrivera", planned: true)
        let database = PostgresCaseload(link: try member("mrivera"), dueWriter: writer, now: { testNow })
        let matrix = try file.servicesMatrix()
        for store in [database, file] as [any Caseload] {
            try store.addNote(CaseNote(id: 0, customer: id, kind: .contact, eventOn: testToday.adding(days: -3), enteredOn: testToday,
                                       author: "", text: "called about the interview", channel: .phone, twoWay: true), by: planner)
            let (_, sent) = try hireCorrectedAndReferral(store, id, by: planner)
            try store.updateReferral(sent, to: sent.moving(["status": "accepted", "on": "2026-11-22"], by: planner.login,
                                                           today: testToday).get(), by: planner)
            let current = try #require(try store.plan(for: id))
            var plan = current.plan
            plan.goals[0].text = "Work as a certified pharmacy technician at a hospital"
            let saved = try store.savePlan(plan, over: current.version, by: planner, today: testToday, matrix: matrix,
                                           reason: "the customer chose hospitals", exiting: false)
            let reviewed = try store.recordReview(of: id, over: saved.version, by: planner, today: testToday)
            let customer = try #require(try file.customer(id))
            try store.sign(SigningRequest(role: .customer, typedName: customer.legalName, method: .terminal, attested: true),
                           customer: id, planVersion: reviewed.version, by: planner, today: testToday)
            try store.recordCopy(of: reviewed.version, for: id, by: planner, today: testToday, language: .english)
        }
        #expect(try database.caseWork(id) == file.caseWork(id))
        #expect(try database.planVersions(for: id) == file.planVersions(for: id))
        let episodes = try #require(try database.plan(for: id)).plan.episodes
        #expect(episodes.suffix(2).map(\.by) == ["mrivera", "mrivera"] && episodes.last?.on == testToday)
    }

    /// What psql within a planner's grants tried: each refused, or the name it forged replaced by theirs.
    @Test func aPlannerCannotBackdateRewriteOrRename() throws {
        let planner = try #require(try file.staff(login: "mrivera"))
        let id = try fixture.enrolled(of: "mrivera", planned: true)
        let careerplan = PostgresCaseload(link: try member("mrivera"), dueWriter: writer, now: { testNow })
        let (fixed, sent) = try hireCorrectedAndReferral(careerplan, id, by: planner)
        let psql = try member("mrivera")
        func refusal(_ sql: String, _ args: [String] = []) -> String {
            do {
                try psql.rows(sql, args)
                return "kept"
            } catch { return "\(error)" }
        }
        let row = "customer_id = \(id.number) AND body ->> 'id' = '\(fixed.id)'"
        // A note "entered" a month ago, so the late-entry report would not see it.
        let old = try #require(try psql.value("SELECT body::text FROM careerplan.case_note WHERE customer_id = \(id.number) LIMIT 1"))
        #expect(refusal("INSERT INTO careerplan.case_note (customer_id, body) VALUES ($1::bigint, jsonb_set($2::jsonb, '{enteredOn}', '\"2026-10-23\"'))",
                        [String(id.number), old]).contains("the case note's enteredOn 2026-10-23 is not today"))
        // An outcome's entered day moved back, its first correction's reason rewritten, its maker renamed.
        #expect(refusal("UPDATE careerplan.outcome SET body = jsonb_set(body, '{enteredOn}', '\"2026-10-01\"') WHERE \(row)")
            .contains("the outcome's enteredOn 2026-10-01 is not today"))
        #expect(refusal("UPDATE careerplan.outcome SET body = jsonb_set(body, '{corrections,0,reason}', '\"no reason\"') WHERE \(row)")
            .contains("the outcome's corrections is added to, never rewritten"))
        #expect(refusal("UPDATE careerplan.outcome SET body = body - 'corrections' WHERE \(row)").contains("never rewritten"))
        #expect(refusal("UPDATE careerplan.outcome SET body = jsonb_set(body, '{recordedBy}', '\"wchen\"') WHERE \(row)") == "kept")
        #expect(try dba.value("SELECT body ->> 'recordedBy' FROM careerplan.outcome WHERE \(row)") == "mrivera")
        // A referral's status change added in another's name, and a correction dated last month.
        #expect(refusal("""
            UPDATE careerplan.referral SET body = jsonb_set(body, '{history}', body -> 'history'
                || '[{"status": "accepted", "on": "2026-11-21", "by": "wchen"}]') WHERE customer_id = \(id.number) AND body ->> 'id' = '\(sent.id)'
            """) == "kept")
        #expect(try dba.value("SELECT body #>> '{history,-1,by}' FROM careerplan.referral WHERE body ->> 'id' = '\(sent.id)' AND customer_id = \(id.number)")
                == "mrivera")
        #expect(refusal("""
            UPDATE careerplan.outcome SET body = jsonb_set(body, '{corrections}', body -> 'corrections'
                || '[{"at": "2026-10-23T16:30:00Z", "by": "mrivera", "reason": "x", "changes": []}]') WHERE \(row)
            """).contains("the outcome's corrections entry 2's time 2026-10-23T16:30:00Z is not now"))
        // A plan version whose earlier episodes say something else, and one saved "last month".
        let current = try #require(try dba.value("SELECT body::text FROM careerplan.plan_version WHERE customer_id = \(id.number) ORDER BY (body ->> 'version')::int DESC LIMIT 1"))
        let next = "jsonb_set(jsonb_set($1::jsonb, '{version}', to_jsonb((($1::jsonb) ->> 'version')::int + 1)), '{savedAt}', '\"\(testNowText)\"')"
        #expect(refusal("INSERT INTO careerplan.plan_version (customer_id, body) VALUES (\(id.number), jsonb_set(\(next), '{plan,episodes,0,reason}', '\"rewritten\"'))",
                        [current]).contains("the plan's episodes is added to, never rewritten"))
        #expect(refusal("INSERT INTO careerplan.plan_version (customer_id, body) VALUES (\(id.number), jsonb_set(\(next), '{savedAt}', '\"2026-10-23T16:30:00Z\"'))",
                        [current]).contains("the plan version's savedAt 2026-10-23T16:30:00Z is not now"))
        // The server's clock is the owner's to pin, never a member's.
        #expect(refusal("UPDATE careerplan.calendar SET pinned_now = '2026-10-23T16:30:00Z'").contains("permission denied"))
        // Whatever was refused left careerplan's records as they were.
        #expect(try careerplan.caseWork(id).outcomes.first { $0.id == fixed.id }?.corrections == fixed.corrections)
    }
}
