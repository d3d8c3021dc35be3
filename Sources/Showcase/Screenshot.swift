import App
import Domain
import Foundation
import Store
import TerminalKit
import Synthetic

/// The screens of the README and screenshots/, each reached from the
/// caseload by the keys a planner would press, on the demo caseload as of
/// a fixed day (so the images only change when the program does).
public enum Screenshot: String, CaseIterable, Sendable {
    case caseload, intake, customer, application, eligibility, assessment, barriers, recommendations, plan, iss, signatures, copy, quality
    case notes, referrals, outcomes, exit, followUp = "follow-up", dashboard, performance

    /// The day the demo caseload is built around for screenshots.
    public static let day = Day(year: 2026, month: 11, day: 23)!
    /// Who is signed in: a planner covering the center, so every demo customer opens.
    public static let login = "mrivera"

    /// What the image shows, for the README.
    public var caption: String {
        switch self {
        case .caseload: "The caseload: every customer in name order with stage, planner and the next thing due"
        case .intake: "Front desk: entering a walk-in customer"
        case .customer: "A customer's overview: where they stand and a key for each part of their file"
        case .application: "The WIOA application, one long form with its sections"
        case .eligibility: "Eligibility: every title evaluated with its reasons, then certified"
        case .assessment: "The Getting Started Assessment, part by part"
        case .recommendations: "Recommendations: assessments, goals and services, each with why"
        case .plan: "The Career Plan: goals, steps and services, with its quality"
        case .iss: "A youth's Individual Service Strategy: the career pathway and the 14 program elements"
        case .signatures: "Signatures: who must sign and where each stands"
        case .copy: "The customer's copy: w asks its language, the customer's own first (Spanish, from their application)"
        case .notes: "The customer's timeline: notes, services, referrals and signatures"
        case .dashboard: "Due and overdue: every policy clock of the planner's customers"
        case .performance: "How the center is doing: the WIOA indicators by program, as the center recorded them"
        case .quality: "Plan quality against the rubric, with what each category lacks"
        case .barriers: "The barrier register: each barrier with its plan, and how it was overcome"
        case .referrals: "Referrals to partner programs and where each stands"
        case .outcomes: "Outcomes: jobs, credentials and skill gains with the indicators they count for"
        case .exit: "Exit: the automatic-exit clock across programs and the planned exit's checklist"
        case .followUp: "After exit: a year of quarterly follow-up contacts"
        }
    }

    /// The keys from the caseload to this screen.
    var keys: [Key] {
        func open(_ id: Int64) -> [Key] { [.char("/")] + CustomerID(id).description.map { Key.char($0) } + [.enter, .enter] }
        func type(_ text: String) -> [Key] { text.map { Key.char($0) } }
        switch self {
        case .caseload: return []
        case .intake: return [.char("n")] + type("Ana Lucía Torres") + [.tab] + type("Lucy") + [.tab] + type("lucy.torres@example.org")
        case .customer: return open(16)
        case .application: return open(44) + [.char("a")]
        case .eligibility: return open(44) + [.char("e")]
        case .assessment: return open(45) + [.char("g")]
        case .recommendations: return open(16) + [.char("m")]
        case .plan: return open(16) + [.char("p")]
        case .iss: return open(16) + [.char("p"), .char("p"), .down, .down, .down, .down, .down, .down, .down]
        case .signatures: return open(16) + [.char("p"), .char("i")]
        case .copy: return open(41) + [.char("p"), .char("w")]
        case .notes: return open(16) + [.char("n")]
        case .dashboard: return [.char("d")]
        case .performance: return [.char("d"), .char("P")]
        case .quality: return open(16) + [.char("p"), .char("Q")]
        case .barriers: return open(16) + [.char("r")]
        case .referrals: return open(16) + [.char("f")]
        case .outcomes: return open(12) + [.char("o")]
        case .exit: return open(10) + [.char("x")]
        case .followUp: return open(12) + [.char("x")]
        }
    }

    /// The screen as drawn, and every key it takes, on `store` as `login` on `today`.
    public func take(store: CaseloadStore, login: String, today: Day, width: Int, height: Int,
                     fileLabel: String) throws -> (canvas: Canvas, title: String, keys: [KeyBinding]) {
        let session = try Session(store: store, login: login, user: try store.staff(login: login), today: today)
        let terminal = MemoryTerminal(width: width, height: height)
        let loop = AppLoop(root: CaseloadScreen(session: session), store: store, terminal: terminal,
                           titleRight: fileLabel + " · " + session.userLabel)
        loop.run()
        terminal.type(keys)
        loop.run()
        let top = loop.topKeys
        return (terminal.screen, referenceTitle ?? top.title, top.keys)
    }

    /// The key reference's heading where the screen's own title will not do:
    /// the overview is titled with the customer's name, and the exit screen
    /// has other keys once the customer has left.
    private var referenceTitle: String? {
        switch self {
        case .customer: "Customer overview"
        case .exit: "Exit"
        case .followUp: "Follow-up (after exit)"
        case .copy: "Career Plan: the customer's copy"
        default: nil
        }
    }

    /// The screen on a demo store, as screenshots/ shows it.
    public func take(onDemo store: CaseloadStore, width: Int = 100, height: Int = 30) throws
        -> (canvas: Canvas, title: String, keys: [KeyBinding]) {
        try take(store: store, login: Self.login, today: Self.day, width: width, height: height, fileLabel: "demo.sqlite")
    }

    /// The README's key reference: every screenshot's screen and its keys.
    public static func keyReference(onDemo store: CaseloadStore) throws -> String {
        KeyReference.markdown(try allCases.map { shot in
            let taken = try shot.take(onDemo: store)
            return (taken.title, taken.keys)
        })
    }

    /// Runs `body` on a fresh demo data file in a directory removed afterwards.
    public static func withDemoStore<T>(_ body: (CaseloadStore) throws -> T) throws -> T {
        let dir = NSTemporaryDirectory() + "careerplan-demo-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try demoStore(at: dir + "/demo.sqlite")
        defer { try? store.close() }
        return try body(store)
    }

    /// A new demo data file at `path` as of `day`, the signed-in planner
    /// covering the other planners so every screen's customer opens.
    public static func demoStore(at path: String, day: Day = Screenshot.day) throws -> CaseloadStore {
        // The store stamps its writes at 10:30 in Chicago on the demo's day, not the real time.
        let morning = Date(timeIntervalSince1970: TimeInterval(day.ordinal) * 86_400 + 16 * 3600 + 1800)
        let store = try CaseloadStore(path: path, actor: login, today: { day }, now: { morning })
        let caseload = SyntheticCaseload(seed: 1, today: day)
        try store.insert(staff: caseload.staff)
        try store.fill(from: caseload, 1...48)
        let supervisor = try store.staff(login: "asantos")
        for other in caseload.staff where other.role == .planner && other.isActive && other.login != login {
            try store.cover(Covering(login: login, forLogin: other.login, from: day, until: day.adding(days: 13),
                                     reason: "covering the center", grantedBy: ""), by: supervisor)
        }
        return store
    }
}

/// The key reference of the README: each screenshot's screen and its keys,
/// from the same bindings that draw the key bar and the help screen.
public enum KeyReference {
    public static func markdown(_ screens: [(title: String, keys: [KeyBinding])]) -> String {
        var out = ""
        var seen = Set<String>()
        for (title, keys) in screens where seen.insert(title).inserted {
            out += "#### \(title)\n\n| Keys | What they do |\n|---|---|\n"
            for k in keys {
                out += "| `\(k.keyText.replacingOccurrences(of: "|", with: "\\|"))` | \(k.help.replacingOccurrences(of: "|", with: "\\|")) |\n"
            }
            out += "\n"
        }
        return out
    }
}
