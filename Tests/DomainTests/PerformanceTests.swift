import Domain
import Foundation
import Testing

/// The primary indicators as the center recorded them, with literal dates:
/// quarter edges, the credential year, youth placement, "not known".
@Suite struct PerformanceTests {
    static let matrix: ServicesMatrix = {
        let json = """
        {"format": "careerplan-services-matrix", "version": 1, "placeholders": [], "services": [
          {"id": "occupational-skills-training", "name": "Occupational Skills Training", "category": "training",
           "indicators": ["credential"], "triggersEnrollment": true, "keepsExitClockOpen": true, "goals": []},
          {"id": "on-the-job-training", "name": "On-the-Job Training", "category": "training", "indicators": [],
           "triggersEnrollment": true, "keepsExitClockOpen": true, "goals": []},
          {"id": "job-search", "name": "Job Search", "category": "basic", "indicators": [],
           "triggersEnrollment": false, "keepsExitClockOpen": true, "goals": []}
        ]}
        """
        return try! ServicesMatrix(data: Data(json.utf8))
    }()

    func participant(_ id: Int64, program: Program = .adult, enrolled: String = "2025-10-01", exited: String? = "2026-02-15",
                     planner: String = "mrivera") -> Customer {
        Customer(id: CustomerID(id), legalName: "P \(id)", zip: "60623", birthDate: day("1990-01-01"), program: program,
                 planner: planner, enteredOn: day("2025-09-01"), enrolledOn: day(enrolled), exitedOn: exited.map(day))
    }

    func job(_ c: Customer, hired: String, wage: String = "18.00", hours: String = "40") -> Outcome {
        Outcome(id: 1, customer: c.id, kind: .employment, on: day(hired), knownOn: day(hired), enteredOn: day(hired),
                recordedBy: "mrivera", answers: ["employer": "Harbor Foods", "wage": wage, "hours": hours])
    }

    func outcome(_ c: Customer, _ kind: OutcomeKind, on: String, type: String) -> Outcome {
        Outcome(id: 2, customer: c.id, kind: kind, on: day(on), knownOn: day(on), enteredOn: day(on), recordedBy: "mrivera",
                answers: ["type": type])
    }

    func followUp(_ c: Customer, on: String, _ status: FollowUpStatus) -> CaseNote {
        CaseNote(id: 3, customer: c.id, kind: .followUp, eventOn: day(on), enteredOn: day(on), author: "mrivera",
                 text: "called", answers: ["status": status.rawValue], channel: .phone, twoWay: true)
    }

    func training(_ id: String = "occupational-skills-training", started: String = "2025-11-01", ended: String? = "2026-01-30")
        -> CareerPlan {
        CareerPlan(customer: CustomerID(0), goals: [PlanGoal(id: 1, text: "CNA", horizon: .oneYear, kind: .employment, steps: [
            PlanStep(id: 2, text: "Finish the course", services: [
                PlanService(id: 3, serviceID: id, name: "Training", status: .open, actualStart: day(started),
                            completedOn: ended.map(day))])])])
    }

    func read(_ c: Customer, plan: CareerPlan? = nil, outcomes: [Outcome] = [], notes: [CaseNote] = [],
              from: String = "2026-01-01", to: String = "2026-03-31", asOf: String = "2027-06-30") -> ParticipantPerformance {
        ParticipantPerformance(CaseClockFacts(customer: c, plan: plan, work: CaseWork(notes: notes, outcomes: outcomes)),
                               from: day(from), to: day(to), asOf: day(asOf), matrix: Self.matrix)
    }

    @Test func quartersAreCalendarQuarters() {
        let q = Quarter(containing: day("2026-02-15"))
        #expect(q.description == "2026 Q1" && q.firstDay == day("2026-01-01") && q.lastDay == day("2026-03-31"))
        #expect(q.adding(2).description == "2026 Q3" && q.adding(4).description == "2027 Q1")
        #expect(Quarter(containing: day("2026-12-31")).adding(1).firstDay == day("2027-01-01"))
        #expect(Quarter(containing: day("2026-03-31")) != Quarter(containing: day("2026-04-01")))
    }

    /// Exit 2026-02-15: the exit quarter is 2026 Q1, so the 2nd quarter after
    /// is July to September 2026 and the 4th January to March 2027.
    @Test func employmentCountsTheSecondAndFourthQuarterAfterTheExitQuarter() {
        let c = participant(1)
        let hiredInQ2 = read(c, outcomes: [job(c, hired: "2026-07-01")])
        #expect(hiredInQ2.readings[.employmentQ2] == .met)
        // The last day of the quarter before does not count for the quarter; nothing in Q4 is not known.
        let hiredJune = read(c, outcomes: [job(c, hired: "2026-06-30")])
        #expect(hiredJune.readings[.employmentQ2] == .notKnown)
        #expect(hiredInQ2.readings[.employmentQ4] == .notKnown)
        // A follow-up contact in the quarter decides it either way.
        let q4 = read(c, notes: [followUp(c, on: "2027-03-31", .employed), followUp(c, on: "2026-09-30", .notEmployed)])
        #expect(q4.readings[.employmentQ4] == .met && q4.readings[.employmentQ2] == .notMet)
        // Said "not employed" but the quarter is not over on the report's day: not known yet.
        let early = read(c, notes: [followUp(c, on: "2026-08-01", .notEmployed)], asOf: "2026-08-15")
        #expect(early.readings[.employmentQ2] == .notKnown)
        // A contact that learned nothing is no evidence.
        #expect(read(c, notes: [followUp(c, on: "2026-08-01", .unknown)]).readings[.employmentQ2] == .notKnown)
    }

    @Test func onlyExitsOfThePeriodCountAndExclusionsAreLeftOut() {
        let before = participant(2, exited: "2025-12-31"), after = participant(3, exited: "2026-04-01")
        #expect(read(before).readings[.employmentQ2] == nil && read(after).readings[.employmentQ2] == nil)
        let c = participant(4, exited: "2026-03-31")
        let closure = CaseNote(id: 9, customer: c.id, kind: .closure, eventOn: day("2026-03-31"), enteredOn: day("2026-03-31"),
                               author: "mrivera", text: "moved to a care home", answers: ["employed": "no", "exclusion": "institutionalized"])
        #expect(read(c).readings[.employmentQ2] == .notKnown)
        #expect(read(c, notes: [closure]).readings.isEmpty)
    }

    @Test func aYouthInEducationInTheSecondQuarterIsPlaced() {
        let youth = participant(5, program: .youth), adult = participant(6)
        #expect(read(youth, notes: [followUp(youth, on: "2026-08-10", .education)]).readings[.employmentQ2] == .met)
        #expect(read(adult, notes: [followUp(adult, on: "2026-08-10", .education)]).readings[.employmentQ2] == .notMet)
    }

    @Test func medianEarningsAreOfThoseEmployedWithKnownEarnings() {
        let a = participant(7), b = participant(8), c = participant(9), d = participant(10)
        let people = [read(a, outcomes: [job(a, hired: "2026-07-06", wage: "15.00", hours: "40")]),   // 7,800
                      read(b, outcomes: [job(b, hired: "2026-05-01", wage: "20.00", hours: "30")],    // hired before Q2,
                           notes: [followUp(b, on: "2026-08-01", .employed)]),                         // 7,800
                      read(c, outcomes: [job(c, hired: "2026-07-06", wage: "25.00", hours: "40")]),   // 13,000
                      read(d, notes: [followUp(d, on: "2026-08-01", .employed)])]                     // no wage recorded
        #expect(people[0].earningsQ2 == 7800 && people[2].earningsQ2 == 13000)
        let line = PerformanceLine(measure: .medianEarningsQ2, participants: people)
        #expect(line.median == 7800 && line.met.count == 3 && line.notKnown.map(\.id) == [d.id])
    }

    /// Exit 2026-02-15: the credential year runs through 2027-02-15.
    @Test func aCredentialCountsWithinAYearOfExitAndOnlyForThoseInTraining() {
        let c = participant(11)
        let trained = training()
        #expect(read(c, plan: trained, outcomes: [outcome(c, .credential, on: "2027-02-15", type: "certificate")])
            .readings[.credential] == .met)
        // 366 days after exit: too late, and the year is over.
        #expect(read(c, plan: trained, outcomes: [outcome(c, .credential, on: "2027-02-16", type: "certificate")])
            .readings[.credential] == .notMet)
        // Before the year ends, none yet is not known.
        #expect(read(c, plan: trained, asOf: "2026-12-01").readings[.credential] == .notKnown)
        // No training, or only on-the-job training: not in the cohort.
        #expect(read(c, outcomes: [outcome(c, .credential, on: "2026-05-01", type: "certificate")]).readings[.credential] == nil)
        #expect(read(c, plan: training("on-the-job-training")).readings[.credential] == nil)
        // A diploma counts with employment or education in the year after exit.
        let diploma = outcome(c, .credential, on: "2026-01-20", type: "diploma")
        #expect(read(c, plan: trained, outcomes: [diploma]).readings[.credential] == .notKnown)
        #expect(read(c, plan: trained, outcomes: [diploma, job(c, hired: "2026-10-01")]).readings[.credential] == .met)
    }

    @Test func skillGainsCountThoseInTrainingDuringThePeriod() {
        let c = participant(12, exited: nil)
        let gain = outcome(c, .skillGain, on: "2026-03-10", type: "efl")
        #expect(read(c, plan: training(ended: nil), outcomes: [gain]).readings[.skillGains] == .met)
        #expect(read(c, plan: training(ended: nil)).readings[.skillGains] == .notMet)
        #expect(read(c, plan: training(ended: nil), asOf: "2026-03-15").readings[.skillGains] == .notKnown)
        // Training that ended before the period: not counted; OJT counts for skill gains.
        #expect(read(c, plan: training(ended: "2025-12-20")).readings[.skillGains] == nil)
        #expect(read(c, plan: training("on-the-job-training", ended: nil), outcomes: [gain]).readings[.skillGains] == .met)
        // Training not closed yet runs to its planned end, or to the reading's day if later: nobody is
        // counted in training in a year still to come.
        var planned = training(ended: nil)
        planned.goals[0].steps[0].services[0].plannedEnd = day("2026-05-29")
        #expect(read(c, plan: planned, from: "2026-07-01", to: "2027-06-30", asOf: "2026-06-15").readings[.skillGains] == nil)
        #expect(read(c, plan: planned, from: "2026-07-01", to: "2027-06-30", asOf: "2026-07-02").readings[.skillGains] == .notKnown)
        #expect(read(c, plan: planned, from: "2026-04-01", to: "2026-06-30", asOf: "2026-06-15").readings[.skillGains] == .notKnown)
    }

    @Test func aRateLeavesTheNotKnownOut() {
        let people = (20..<25).map { participant(Int64($0)) }
        let read = [self.read(people[0], outcomes: [job(people[0], hired: "2026-07-01")]),
                    self.read(people[1], outcomes: [job(people[1], hired: "2026-08-01")]),
                    self.read(people[2], notes: [followUp(people[2], on: "2026-09-01", .notEmployed)]),
                    self.read(people[3]), self.read(people[4])]
        let line = PerformanceLine(measure: .employmentQ2, participants: read)
        #expect(line.met.count == 2 && line.notMet.count == 1 && line.notKnown.count == 2 && line.counted == 3)
        #expect(line.rate == 2.0 / 3.0)
        #expect(read.byProgram.map(\.name) == ["Adult"] && read.byPlanner.map(\.name) == ["mrivera"])
    }

    /// The extract carries up to three trainings and three credentials, in
    /// the order they were begun and attained; a youth's occupational
    /// skills training (program element 4) is a training.
    @Test func theExtractHoldsTrainingsAndCredentialsOneToThree() {
        let c = participant(21)
        var plan = training(started: "2025-11-01", ended: "2026-01-30")
        plan.goals[0].steps[0].services.append(PlanService(id: 4, serviceID: "on-the-job-training", name: "OJT", status: .open,
                                                           actualStart: day("2025-10-15")))
        let credentials = [outcome(c, .credential, on: "2026-02-01", type: "licence"),
                           outcome(c, .credential, on: "2026-01-05", type: "certificate")]
        let record = ParticipantRecord(ParticipantFile(facts: CaseClockFacts(customer: c, plan: plan,
                                                                             work: CaseWork(outcomes: credentials))),
                                       matrix: Self.matrix, asOf: day("2026-11-23"))
        let byNumber = Dictionary(uniqueKeysWithValues: zip(ParticipantRecord.elements.map(\.number), record.values))
        #expect(byNumber[1300] == "1")
        #expect([byNumber[1302], byNumber[1303], byNumber[1308]] == ["20251015", "01", ""])
        #expect([byNumber[1309], byNumber[1311], byNumber[1313]] == ["20251101", "06", "20260130"])
        #expect([byNumber[1314], byNumber[1316], byNumber[1318]] == ["", "00", ""])
        #expect([byNumber[1800], byNumber[1801], byNumber[1802], byNumber[1803]] == ["5", "20260105", "4", "20260201"])
        #expect([byNumber[1804], byNumber[1805]] == ["0", ""])
    }

    /// English learner at entry: the customer's own answer (1, 0, 9 for did
    /// not self-identify); an application taken before it was asked falls
    /// back to the barrier; no application, blank.
    @Test func anEnglishLearnerIsAsTheCustomerSaidIt() {
        let c = participant(22)
        func element803(_ application: Application?) -> String? {
            let record = ParticipantRecord(ParticipantFile(facts: CaseClockFacts(customer: c), application: application),
                                           matrix: Self.matrix, asOf: day("2026-11-23"))
            return Dictionary(uniqueKeysWithValues: zip(ParticipantRecord.elements.map(\.number), record.values))[803]
        }
        let base = Application(appliedOn: day("2025-09-01"), program: .adult)
        #expect(element803(base.withDemographics(hispanic: .no, races: [.white], raceDeclined: false, disability: .no,
                                                 englishLearner: .declined)) == "9")
        #expect(element803(base.withDemographics(hispanic: .no, races: [.white], raceDeclined: false, disability: .no,
                                                 englishLearner: .yes)) == "1")
        var before = base
        before.barriers = [.englishLearner]
        #expect(element803(before) == "1")
        #expect(element803(base) == "0")
        #expect(element803(nil) == "")
    }
}
