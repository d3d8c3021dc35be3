@testable import Domain
import Foundation
import Glibc
import Store
import Testing

/// The customer's copy printed the way a center prints it: the HTML copy of
/// every demo plan, in English and in Spanish, through a real browser
/// (headless Chromium, print to PDF on letter paper), read back with
/// pdftotext. Each page carries "page i of n"; no page holds a lone line or
/// ends on a heading; a copy not signed by everyone has its lines to sign,
/// a plan with open barriers its section; a plan of three goals and nine
/// services fits in three pages.
@Suite(.serialized, .enabled(if: Printer.whyNot == nil, "printing the customer's copy: \(Printer.whyNot ?? "")"))
struct CopyPrintTests {
    @Test func everyDemoPlanPrintsInBothLanguages() throws {
        let h = try Harness()
        let matrix = try ServicesMatrix.bundled()
        let printer = try Printer()
        defer { printer.remove() }
        var printed = 0
        for n in 1...48 {
            let id = CustomerID(Int64(n))
            for language in CopyLanguage.allCases {
                guard let copy = try h.store.customerCopy(for: id, today: Harness.today, language: language, matrix: matrix) else { continue }
                let pages = try printer.pages(of: copy.html, name: "\(id)-\(language.code)")
                check(copy, pages, "\(id) \(language.code)")
                printed += 1
            }
        }
        #expect(printed >= 40, "the demo has plans to print")
    }

    /// The issue's measure: three goals with nine services, a youth under
    /// 18 (the fourteen elements, a guardian's line), open barriers, unsigned.
    @Test func threeGoalsAndNineServicesFitInThreePages() throws {
        let matrix = try ServicesMatrix.bundled()
        var p = CareerPlan(customer: CustomerID(77))
        let ids = ["job-search-placement", "career-planning", "occupational-skills-training-youth", "youth-tutoring",
                   "youth-work-experience", "supportive-transportation", "supportive-child-care", "youth-mentoring", "youth-leadership"]
        for g in 0..<3 {
            var goal = PlanGoal(id: p.newID(), text: "Get a job as a pharmacy technician within 90 days", horizon: .immediate,
                                kind: .employment, targetDate: Day(year: 2027, month: 2, day: 20))
            for s in 0..<2 {
                var step = PlanStep(id: p.newID(), text: "Apply for at least five pharmacy technician jobs each week and keep a list of where you applied.",
                                    targetDate: Day(year: 2026, month: 12, day: 20))
                let count = s == 0 ? 2 : 1
                for k in 0..<count {
                    let entry = try #require(matrix.service(ids[(g * 3 + s * 2 + k) % ids.count]))
                    step.services.append(PlanService(id: p.newID(), serviceID: entry.id, name: entry.name, provider: .partner,
                                                     partnerName: "Instituto del Progreso Latino",
                                                     plannedStart: Day(year: 2026, month: 12, day: 1),
                                                     plannedEnd: Day(year: 2027, month: 5, day: 31), weeklyHours: 4))
                }
                goal.steps.append(step)
            }
            p.goals.append(goal)
        }
        #expect(p.allServices.count == 9)
        let youth = Customer(id: CustomerID(77), legalName: "Guadalupe Hernández", zip: "60608",
                             birthDate: Day(year: 2010, month: 3, day: 1)!, program: .youth, enteredOn: Harness.today)
        let barriers = ["transportation", "child-care", "digital"].enumerated().map { i, kind in
            BarrierRecord(id: Int64(i), customer: youth.id, kind: kind, description: "", plan: "talk it over at the next meeting",
                          identifiedOn: Harness.today, recordedBy: "mrivera")
        }
        let planner = Staff(login: "mrivera", name: "María Rivera", initials: "MR", role: .planner, phone: "312-555-0141",
                            email: "mrivera@center.example.org")
        let printer = try Printer()
        defer { printer.remove() }
        for language in CopyLanguage.allCases {
            let copy = CustomerCopy(customer: youth, plan: p, version: 3, planner: planner,
                                    signatures: Signing.roles(for: youth, on: Harness.today).map { ($0, .notSigned) },
                                    printedOn: Harness.today, barriers: barriers, contactDue: Harness.today.adding(days: 20),
                                    matrix: matrix, language: language)
            let pages = try printer.pages(of: copy.html, name: "big-\(language.code)")
            #expect((2...3).contains(pages.count), "\(language.code): \(pages.count) pages")
            check(copy, pages, "big \(language.code)")
            let all = pages.joined(separator: "\n")
            #expect(all.contains(language == .english ? "Parent or guardian" : "Padre, madre o tutor(a)"))
        }
    }

    /// What every printed copy must be.
    private func check(_ copy: CustomerCopy, _ pages: [String], _ label: String) {
        let words = CopyWords.of(copy.language)
        let all = pages.joined(separator: "\n")
        let headings = copy.blocks.compactMap { if case .heading(let t) = $0 { t } else { nil } }
        for (i, page) in pages.enumerated() {
            let lines = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let foot = "\(words.page.word) \(i + 1) \(words.page.of) \(pages.count)"
            #expect(lines.last == foot, "\(label): page \(i + 1) ends with \(lines.last ?? "nothing"), not \(foot)")
            let body = lines.dropLast()
            #expect(body.count >= 3, "\(label): page \(i + 1) holds only \(Array(body))")
            if i < pages.count - 1, let last = body.last {
                #expect(!headings.contains { $0.contains(last) }, "\(label): page \(i + 1) ends on the heading \(last)")
            }
        }
        let flat = all.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains(words.keepThisCopy), "\(label): the closing line")
        let unsigned = copy.blocks.contains { if case .signatureLine = $0 { true } else { false } }
        #expect(flat.contains(words.signHere) == unsigned, "\(label): lines to sign exactly when someone has not signed")
        if unsigned { #expect(flat.contains(words.date), "\(label)") }
        let barriers = copy.blocks.contains(.heading(words.barriersHeading))
        #expect(flat.contains(words.barriersHeading) == barriers, "\(label): the barriers section")
        // The signatures, with the closing line, on one page.
        #expect(pages.contains { p in
            let f = p.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return f.contains(words.signaturesHeading) && f.contains(words.keepThisCopy)
        }, "\(label): the signatures are split from the closing line")
    }
}

/// Headless Chromium and pdftotext, from the distribution's packages
/// (scripts/setup installs them: chromium, poppler-utils).
struct Printer {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var whyNot: String? {
        if chromium == nil { return "needs Chromium (apt-get install chromium; scripts/setup tries to install it)" }
        if !FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") { return "needs pdftotext (apt-get install poppler-utils)" }
        return nil
    }

    let dir = NSTemporaryDirectory() + "careerplan-print-" + UUID().uuidString

    init() throws {
        try FileManager.default.createDirectory(atPath: dir + "/profile", withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: dir) }

    /// The HTML printed to PDF on letter paper, each page's text as pdftotext lays it out.
    func pages(of html: String, name: String) throws -> [String] {
        let page = dir + "/\(name).html", pdf = dir + "/\(name).pdf"
        try html.write(toFile: page, atomically: true, encoding: .utf8)
        try run(Self.chromium!, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(dir)/profile",
                                 "--print-to-pdf=\(pdf)", "file://\(page)"])
        try run("/usr/bin/pdftotext", ["-layout", pdf, dir + "/\(name).txt"])
        let text = try String(contentsOfFile: dir + "/\(name).txt", encoding: .utf8)
        // pdftotext ends each page with a form feed.
        var pages = text.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    /// posix_spawn and waitpid: Chromium's helpers may outlive it, and Foundation's Process can miss its exit then.
    private func run(_ path: String, _ args: [String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, dir + "/log", O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([path] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { throw PrintFailure(what: "cannot start \(path)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw PrintFailure(what: "\(path) failed: " + ((try? String(contentsOfFile: dir + "/log", encoding: .utf8)) ?? ""))
        }
    }

    struct PrintFailure: Error, CustomStringConvertible {
        let what: String
        var description: String { what }
    }
}
