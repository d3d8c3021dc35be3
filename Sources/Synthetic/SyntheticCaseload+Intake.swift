import Domain

/// The synthetic caseload's applications, certifications, screenings and
/// documents: each customer who applied has answers that make them
/// eligible for the program they are in, so the demo reads like a real one.

extension SyntheticCaseload {
    public func intake(_ index: Int) -> CaseRecords {
        let c = journey(index)
        var rng = SplitMix(seed: seed &* 0x2545_F491_4F6C_DD1D ^ UInt64(index) &* 0xBF58_476D)
        var out = CaseRecords(customer: c, documents: [])
        guard let applied = c.appliedOn, let program = c.program else { return out }
        let planner = c.planner ?? "dbrooks"
        func chance(_ inN: UInt64) -> Bool { rng.next() % inN == 0 }
        let male = chance(2)
        var a = Application(appliedOn: applied, program: program, street: "\(100 + rng.next() % 9000) W \(Self.streets[Int(rng.next() % UInt64(Self.streets.count))])",
                            city: "Chicago", acceptsTexts: c.phone != nil && !chance(3),
                            veteran: c.isVeteran ? .veteran : .no, sex: male ? .male : .female,
                            selectiveService: male ? .registered : .notRequired,
                            rightToWork: chance(5) ? .permanentResident : .citizen)
        if chance(2) { a.contacts = [.init(name: "Emergency contact", relationship: chance(2) ? "mother" : "sister", phone: "312-555-\(2000 + rng.next() % 7000)")] }
        // Without drawing from the generator, so every other record stays as it was.
        if index % 3 != 0 { a.socialMedia = "linkedin.com/in/" + c.legalName.folded.filter(\.isLetter) }
        if index % 5 == 0, !a.contacts.isEmpty { a.contacts.append(.init(name: "Second contact", relationship: "friend")) }
        // The participant record's demographics, also without the generator: most answer, some decline,
        // and one in seven applications was taken before they were asked.
        if index % 7 != 0 {
            let races: [[Race]] = [[.white], [.black], [.asian], [.white, .americanIndian], [], [.pacificIslander], [.black, .white]]
            a.setDemographics(hispanic: index % 4 == 1 ? .yes : index % 6 == 5 ? .declined : .no, races: races[index % races.count],
                              raceDeclined: races[index % races.count].isEmpty,
                              disability: index % 9 == 4 ? .yes : index % 11 == 6 ? .declined : .no)
        }
        // Some who said they are Hispanic or Latino take their papers in Spanish (no generator draw).
        if a.hispanic == .yes, index % 8 == 1 { a.copyLanguage = .spanish }
        a.lowIncome = chance(2)
        if a.lowIncome && chance(2) { a.assistance = [chance(2) ? .snap : .tanf] }
        if chance(4) { a.barriers.append(Barrier.allCases[Int(rng.next() % UInt64(Barrier.allCases.count))]) }
        // English learner as the customer says it: those with the barrier yes, a few decline (no generator draw).
        if index % 7 != 0 { a.englishLearner = a.barriers.contains(.englishLearner) ? .yes : index % 13 == 7 ? .declined : .no }
        switch program {
        case .adult:
            a.employment = chance(3) ? .employed : .notEmployed
        case .dislocatedWorker:
            a.dislocation = chance(4) ? .plantClosure : .laidOff
            a.dislocatedOn = applied.adding(days: -Int(5 + rng.next() % 60))
            a.lastEmployer = ["Acme Foods", "Midwest Freight", "Lakeside Printing", "Nuevo Textiles"][Int(rng.next() % 4)]
            a.unlikelyToReturn = true
            a.unemploymentInsurance = chance(3) ? .exhausted : .claimant
        case .youth:
            a.school = chance(2) ? .dropout : .graduate
            a.education = a.school == .dropout ? .noDiploma : .diploma
            a.highestGrade = a.school == .dropout ? 10 : 12
            if a.school == .graduate { a.barriers = [.homeless] }
            let age = c.birthDate.age(on: applied)
            if age < 16 {
                // Too young to be out of school: an in-school youth instead.
                a.school = .secondary
                a.lowIncome = true
                a.barriers = [.englishLearner]
            }
            if age < 18 { a.selectiveService = .notRequired }
        }
        out.application = a
        if chance(3) {
            out.screening = BasicSkillsScreening(customer: c.id, screenedOn: applied,
                                                 result: chance(3) ? .deficient : .notDeficient, recordedBy: planner)
        }
        if let eligible = c.eligibleOn {
            let title: Title = switch program {
            case .adult: .adult
            case .dislocatedWorker: .dislocatedWorker
            case .youth: a.school.attending ? .youthInSchool : .youthOutOfSchool
            }
            out.certification = Certification(customer: c.id, certifiedOn: eligible, titles: [title],
                                              certifiedBy: planner, recordedAt: "\(eligible)T16:00:00Z")
            for item in EligibilityItem.items(for: a, screening: out.screening) {
                out.documents.append(EligibilityDocument(customer: c.id, item: item.key, documentType: item.documentTypes[0],
                                                         seenOn: applied, recordedBy: planner))
            }
        }
        addAssessment(to: &out, rng: &rng)
        let applicationBarriers = (out.application?.barriers ?? []).filter { b in !out.barriers.contains { $0.kind == b.rawValue } }
            .map { BarrierRecord(id: 0, customer: c.id, kind: $0.rawValue, description: "", plan: "", identifiedOn: applied,
                                 recordedBy: planner) }
        out.plan = plan(for: out, barriers: out.barriers + applicationBarriers)
        out.planReviewedOn = out.plan == nil ? nil : planReview(for: c)
        out.work = caseWork(for: out)
        out.customer = CaseActivity.derived(c, notes: out.work.notes, plan: out.plan, matrix: nil, through: today)
        return out
    }

    static let streets = ["Cermak Rd", "26th St", "Division St", "Madison St", "Lawrence Ave", "Pulaski Rd", "Archer Ave"]
}
