import Foundation
import Testing
@testable import Domain

/// The customer's copy as a customer reads it: dates for people, their
/// planner and next contact at the top, what may get in their way, lines to
/// sign by hand, no system wording, and all of it in Spanish when asked,
/// the planner's own words left as typed.
@Suite struct CustomerCopyTests {
    let id = CustomerID(41)
    let today = day("2026-05-26")
    let planner = Staff(login: "mrivera", name: "María Rivera", initials: "MR", role: .planner, phone: "312-555-0141")

    func customer(born: String = "1988-02-29", program: Program = .adult) -> Customer {
        Customer(id: id, legalName: "Guadalupe Hernández", zip: "60608", birthDate: day(born), program: program,
                 enteredOn: day("2026-04-01"), enrolledOn: day("2026-04-10"))
    }

    /// A goal from the matrix (its wording, a placeholder filled), a step
    /// from the matrix, a step the planner wrote, and a supportive service.
    func plan() -> CareerPlan {
        let search = PlanService(id: 3, serviceID: "job-search-placement", name: "Job Search and Placement Assistance",
                                 plannedStart: day("2026-05-01"), plannedEnd: day("2026-07-31"), weeklyHours: 1)
        let bus = PlanService(id: 5, serviceID: "supportive-transportation", name: "Transportation Assistance (bus pass, gas card)",
                              provider: .partner, partnerName: "Pilsen Wellness Center", plannedStart: day("2026-05-01"),
                              plannedEnd: day("2026-06-30"), weeklyHours: 2.5, status: .open, actualStart: day("2026-05-01"))
        let apply = PlanStep(id: 2, text: "Apply for at least five electrician jobs each week and keep a list of where you applied.",
                             targetDate: day("2026-06-30"), services: [search, bus])
        let own = PlanStep(id: 4, text: "Visit the union hall on Cermak with Rosa", status: .achieved)
        var goal = PlanGoal(id: 1, text: "Get a job as an electrician within 90 days", horizon: .immediate, kind: .employment,
                            targetDate: day("2026-08-24"), justification: "recommended because: Adult program, no high school diploma",
                            steps: [apply, own])
        goal.recommendation = "goal:job-search-placement"
        return CareerPlan(customer: id, goals: [goal], nextID: 6)
    }

    func barrier(_ kind: String, plan: String = "bus pass until the first paycheck", overcome: Day? = nil) -> BarrierRecord {
        BarrierRecord(id: Int64(kind.count), customer: id, kind: kind, description: "no car", plan: plan, identifiedOn: day("2026-04-10"),
                      recordedBy: "mrivera", overcomeOn: overcome)
    }

    func copy(_ language: CopyLanguage = .english, customer c: Customer? = nil,
              signatures: [(role: SignerRole, state: Signing.State)] = [(.customer, .notSigned), (.planner, .notSigned)],
              barriers: [BarrierRecord] = [], contactDue: Day? = nil) -> CustomerCopy {
        CustomerCopy(customer: c ?? customer(), plan: plan(), version: 2, planner: planner, signatures: signatures, printedOn: today,
                     barriers: barriers, contactDue: contactDue, matrix: shippedMatrix, language: language)
    }

    @Test func datesAreWrittenForPeopleInEitherLanguage() {
        #expect(day("2026-05-26").spoken(.english) == "May 26, 2026")
        #expect(day("2026-05-26").spoken(.spanish) == "26 de mayo de 2026")
        #expect(day("2027-01-01").spoken(.english) == "January 1, 2027")
        #expect(day("2026-12-31").spoken(.spanish) == "31 de diciembre de 2026")
        #expect(day("2028-02-29").spoken(.spanish) == "29 de febrero de 2028")
        let text = copy().markdown
        #expect(text.contains("printed May 26, 2026") && !text.contains("2026-05-26"))
        #expect(text.contains("When: May 1, 2026 to July 31, 2026 · about 1 hour a week"))
    }

    @Test func thePlannerAndTheNextContactAreAtTheTop() {
        let lines = copy(contactDue: day("2026-06-25")).markdown.components(separatedBy: "\n\n")
        #expect(lines.prefix(8).contains("Your career planner: María Rivera (312-555-0141)"))
        #expect(lines.prefix(8).contains("Your career planner will be in touch with you by June 25, 2026."))
        // A contact already overdue is not a promise the copy can make.
        #expect(!copy(contactDue: day("2026-05-25")).markdown.contains("in touch with you by"))
    }

    @Test func eachOpenBarrierWithWhatAddressesItOrAGentleLine() {
        let text = copy(barriers: [barrier("transportation"), barrier("child-care", plan: "ask about the center's list"),
                                   barrier("housing", overcome: day("2026-05-01"))]).markdown
        #expect(text.contains("## What may get in your way, and how we will handle it"))
        #expect(text.contains("- Getting to work or training\n  - Our plan: bus pass until the first paycheck\n"
                              + "  - Services on your plan that help: Transportation Assistance (bus pass, gas card)"))
        #expect(text.contains("- Child care\n  - Our plan: ask about the center's list\n  - No service on your plan helps with this yet."))
        #expect(!text.contains("Housing"), "an overcome barrier is not in the way any more")
        #expect(!copy().markdown.contains("What may get in your way"), "no section without open barriers")
        // A step the planner wrote for it counts, as in the plan's quality check.
        var p = plan()
        p.goals[0].steps.append(PlanStep(id: 9, text: "Find child care near the training site"))
        let named = CustomerCopy(customer: customer(), plan: p, version: 2, planner: nil, signatures: [], printedOn: today,
                                 barriers: [barrier("child-care")], matrix: shippedMatrix).markdown
        #expect(named.contains("- Child care\n  - Our plan: bus pass until the first paycheck\n  - Steps on your plan for it: Find child care near the training site"))
        var other = barrier("other")
        other.otherName = "Court dates on Tuesdays"
        #expect(copy(barriers: [other]).markdown.contains("- Court dates on Tuesdays"))
    }

    @Test func noSystemWording() {
        let text = copy().markdown
        #expect(!text.contains("recommended because") && !text.contains("Why this goal"))
        #expect(!text.contains("Not Started") && text.contains("Status: not started yet"))
        var typed = plan()
        typed.goals[0].justification = "she wired her uncle's garage"
        let own = CustomerCopy(customer: customer(), plan: typed, version: 1, planner: nil, signatures: [], printedOn: today)
        #expect(own.markdown.contains("Why this goal: she wired her uncle's garage"))
    }

    @Test func anUnsignedCopyHasLinesToSignAndASignedOneSaysWhoHow() {
        let unsigned = copy().text
        #expect(unsigned.contains("To sign this copy by hand:"))
        #expect(unsigned.contains("I took part in writing this Career Plan, I understand it, and I agree to work"))
        #expect(unsigned.contains("Customer: ______") && unsigned.contains("Career planner: ______") && unsigned.contains("Date: ____"))
        #expect(unsigned.contains("          Guadalupe Hernández\n") && unsigned.contains("                María Rivera\n"))
        #expect(!unsigned.contains("Parent or guardian"))
        #expect(unsigned.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let signature = Signature(id: 1, customer: id, role: .customer, signerName: "Guadalupe Hernández", method: .paper,
                                  paperReturnedOn: day("2026-05-20"), signedOn: day("2026-05-18"), capturedAt: "2026-05-20T15:00:00Z",
                                  capturedBy: "mrivera", planVersion: 2, digest: PlanDigest.digest(plan()))
        let planner = Signature(id: 2, customer: id, role: .planner, signerName: "María Rivera", method: .terminal,
                                signedOn: day("2026-05-20"), capturedAt: "2026-05-20T15:00:00Z", capturedBy: "mrivera",
                                planVersion: 2, digest: PlanDigest.digest(plan()))
        let signed = copy(signatures: [(.customer, .signed(signature)), (.planner, .signed(planner))]).text
        #expect(signed.contains("This is a copy of your SIGNED plan."))
        let unwrapped = copy(signatures: [(.customer, .signed(signature)), (.planner, .signed(planner))]).markdown
        #expect(unwrapped.contains("Customer: Guadalupe Hernández, signed May 18, 2026 on a printed copy returned May 20, 2026"))
        #expect(unwrapped.contains("Career planner: María Rivera, signed May 20, 2026 on screen at the career center"))
        #expect(!signed.contains("____") && !signed.contains("To sign this copy"))
        // Only who still has to sign gets a line.
        let half = copy(signatures: [(.customer, .signed(signature)), (.planner, .notSigned)]).text
        #expect(half.contains("Career planner: ____") && !half.contains("Customer: ____"))
    }

    @Test func aYouthUnder18HasALineForAParentOrGuardian() {
        let youth = customer(born: "2009-10-22", program: .youth)
        let request = GuardianRequest(customer: id, name: "Rosa Hernández", relationship: "mother", sentOn: day("2026-05-20"), sentBy: "mrivera")
        let roles = Signing.roles(for: youth, on: today)
        #expect(roles == [.customer, .guardian, .planner])
        let text = copy(customer: youth, signatures: [(.customer, .notSigned), (.guardian, .sentToGuardian(request)), (.planner, .notSigned)]).text
        let unwrapped = copy(customer: youth, signatures: [(.customer, .notSigned), (.guardian, .sentToGuardian(request)), (.planner, .notSigned)]).markdown
        #expect(unwrapped.contains("Parent or guardian: sent to Rosa Hernández (mother) on May 20, 2026, not signed yet"))
        #expect(unwrapped.contains("I am the parent or guardian of Guadalupe Hernández; I have read this plan and agree to it."))
        #expect(text.contains("Parent or guardian: ____") && text.contains("                    Rosa Hernández\n"))
        let spanish = copy(.spanish, customer: youth, signatures: [(.customer, .notSigned), (.guardian, .notSigned), (.planner, .notSigned)]).text
        #expect(spanish.contains("Padre, madre o tutor(a): ____") && spanish.contains("Fecha: ____"))
        #expect(spanish.contains("Soy el padre, la madre o el/la tutor(a) de Guadalupe Hernández"))
    }

    @Test func inSpanishTheProgramsWordsAndTheMatrixWordingTheTypingAsTyped() {
        let text = copy(.spanish, barriers: [barrier("transportation"), barrier("child-care")], contactDue: day("2026-06-25")).markdown
        #expect(text.hasPrefix("# Su plan de carrera"))
        #expect(text.contains("Plan de Empleo Individual (IEP) · Ley de Innovación y Oportunidades de la Fuerza Laboral (WIOA), programa para adultos"))
        #expect(text.contains("Versión 2 del plan, impresa el 26 de mayo de 2026"))
        #expect(text.contains("Su asesor(a) de carrera: María Rivera (312-555-0141)"))
        #expect(text.contains("Su asesor(a) de carrera se comunicará con usted a más tardar el 25 de junio de 2026."))
        // The matrix's goal and step, in Spanish, with the occupation the planner typed as typed.
        #expect(text.contains("## Meta 1: Conseguir empleo como electrician en un plazo de 90 días"))
        #expect(text.contains("Paso 1.1: Solicitar al menos cinco empleos de electrician cada semana"))
        // The planner's own step stays as typed.
        #expect(text.contains("Paso 1.2: Visit the union hall on Cermak with Rosa · cumplido"))
        #expect(text.contains("Servicio: Ayuda para buscar y conseguir empleo"))
        #expect(text.contains("Quién lo ofrece: Pilsen Wellness Center"))
        #expect(text.contains("Cuándo: del 1 de mayo de 2026 al 30 de junio de 2026 · unas 2.5 horas por semana"))
        #expect(text.contains("Cuándo: del 1 de mayo de 2026 al 31 de julio de 2026 · alrededor de 1 hora por semana"))
        #expect(text.contains("Estado: todavía no empieza"))
        #expect(text.contains("## Lo que podría dificultar su camino, y cómo lo vamos a resolver"))
        #expect(text.contains("- Cómo llegar al trabajo o a la capacitación\n  - Nuestro plan: bus pass until the first paycheck"))
        #expect(text.contains("Servicios de su plan que ayudan: Ayuda con el transporte (pase de autobús, tarjeta de gasolina)"))
        #expect(text.contains("Todavía ningún servicio de su plan ayuda con esto."))
        #expect(text.contains("## Firmas") && text.contains("Cliente: todavía sin firmar"))
        #expect(text.contains("Guarde esta copia."))
        let html = copy(.spanish).html
        #expect(html.contains("<html lang=\"es\">") && html.contains("\"página \" counter(page) \" de \" counter(pages)"))
        #expect(copy().html.contains("\"page \" counter(page) \" of \" counter(pages)"))
    }

    @Test func theMatrixWordingIsMatchedOnlyWhenItIsStillTheMatrixs() {
        let m = shippedMatrix
        #expect(m.wording("Get a job as an electrician within 90 days", in: .spanish) == "Conseguir empleo como electrician en un plazo de 90 días")
        #expect(m.wording("Get a job as a welder within 90 days", in: .spanish) == "Conseguir empleo como welder en un plazo de 90 días")
        #expect(m.wording("Get a job as a [target occupation] within 90 days", in: .spanish)
            == "Conseguir empleo como [target occupation] en un plazo de 90 días")
        #expect(m.wording("Get a job as a welder within 60 days", in: .spanish) == "Get a job as a welder within 60 days")
        #expect(m.wording("Get a job as an electrician within 90 days", in: .english) == "Get a job as an electrician within 90 days")
        #expect(m.wording("Take part in On-the-Job Training", in: .spanish) == "Participar en: Capacitación en el empleo")
        #expect(m.wording("Arrange the support needed to take part in the plan", in: .spanish)
            == "Organizar el apoyo que necesita para participar en el plan")
        #expect(m.serviceName(id: "on-the-job-training", named: "On-the-Job Training", in: .spanish) == "Capacitación en el empleo")
        #expect(m.serviceName(id: "on-the-job-training", named: "OJT at Acme", in: .spanish) == "OJT at Acme")
        #expect(m.serviceName(id: "on-the-job-training", named: "On-the-Job Training", in: .english) == "On-the-Job Training")
    }

    @Test func theShippedMatrixHasSpanishForEveryServiceGoalAndStep() {
        for s in shippedMatrix.services {
            #expect(!(s.nameEs ?? "").isEmpty, "\(s.id)")
            for g in s.goals {
                #expect(!(g.textEs ?? "").isEmpty && g.stepsEs?.count == g.steps.count, "\(s.id)")
            }
        }
    }

    @Test func aTranslationMustKeepTheEnglishPlaceholdersAndSteps() throws {
        func matrix(_ goal: String) -> Data {
            Data("""
                {"format": "careerplan-services-matrix", "version": 3, "placeholders": ["target occupation"], "services": [
                  {"id": "x", "name": "X", "nameEs": "Equis", "category": "basic", "indicators": [], "triggersEnrollment": false,
                   "keepsExitClockOpen": true, "goals": [\(goal)]}]}
                """.utf8)
        }
        let good = #"{"text": "Be a [target occupation]", "textEs": "Ser [target occupation]", "horizon": "1-year", "kind": "employment", "steps": ["Apply"], "stepsEs": ["Solicitar"]}"#
        #expect(try ServicesMatrix(data: matrix(good)).services[0].goals[0].textEs == "Ser [target occupation]")
        let lost = good.replacingOccurrences(of: "Ser [target occupation]", with: "Ser electricista")
        #expect(throws: ServicesMatrix.Problem(message: "services[0] (x).goals[0].textEs: needs the placeholders of the English wording ([target occupation])")) {
            try ServicesMatrix(data: matrix(lost))
        }
        let short = good.replacingOccurrences(of: #"["Solicitar"]"#, with: "[]")
        #expect(throws: ServicesMatrix.Problem(message: "services[0] (x).goals[0].stepsEs: 0 steps for the 1 in English")) {
            try ServicesMatrix(data: matrix(short))
        }
    }

    @Test func theCustomersLanguageIsTheirLastChoiceElseTheApplications() {
        var a = Application(appliedOn: day("2026-04-01"), program: .adult)
        #expect(CopyLanguage.preferred(application: nil, copies: []) == .english)
        #expect(CopyLanguage.preferred(application: a, copies: []) == .english)
        a = a.papers(in: .spanish)
        #expect(CopyLanguage.preferred(application: a, copies: []) == .spanish)
        let legacy = PlanCopyRecord(customer: id, planVersion: 1, on: day("2026-04-20"), by: "mrivera")
        #expect(CopyLanguage.preferred(application: a, copies: [legacy]) == .spanish, "a copy from before the choice chose nothing")
        let english = PlanCopyRecord(customer: id, planVersion: 2, on: day("2026-05-20"), by: "mrivera", language: .english)
        #expect(CopyLanguage.preferred(application: a, copies: [legacy, english]) == .english)
        #expect(a.papers(in: .english).copyLanguage == nil)
        // Asked on the application form, and read back into it.
        let form = ApplicationForm(a)
        #expect(form["copyLanguage"] == "es")
        #expect(CopyLanguage(parsing: "Español") == .spanish && CopyLanguage(parsing: "fr") == nil)
    }
}
