import Domain
import Foundation

/// Who is using the program, on which file, on which day. Screens read the
/// date from here, never from the clock, so tests can fix it.
public struct Session {
    /// What screens may read; they change the data file only through the
    /// `StoreRequest`s the loop runs.
    public let store: any CaseloadReading
    /// The operating-system account running the program.
    public let login: String
    /// Their staff record; nil when the account is not on the staff list.
    public let user: Staff?
    public let today: Day
    /// The area's settings, shared by every screen of the session so that
    /// a change made on the settings screen applies at once.
    public var settings: ClockSettings { settingsBox.value }
    private let settingsBox: SettingsBox
    /// Staff by login, for showing planners' initials and names.
    public let staff: [String: Staff]
    /// The services matrix: which services a plan may hold. Read when first
    /// needed (`loadMatrix`), not before the first screen: the caseload and
    /// the dashboard, where a session opens, never use it, and decoding its
    /// JSON was about a fifth of start-up.
    public var matrix: ServicesMatrix {
        // The program loads it (or stops with its problem) right after the
        // first paint, before any key reaches a screen; tests read the file shipped.
        do { return try loadMatrix() } catch { preconditionFailure("\(error)") }
    }
    private let matrixBox: MatrixBox
    /// Whose customers the user may open and work today (a planner: their
    /// own, the unassigned and those they cover).
    public let reach: CaseloadReach
    /// Where customers' copies of their plans are written:
    /// `$CAREERPLAN_COPIES`, else ~/careerplan-copies.
    public let copiesDirectory: String

    public init(store: any CaseloadReading, login: String, user: Staff?, today: Day) throws {
        matrixBox = MatrixBox()
        self.store = store
        self.login = login
        self.user = user
        self.today = today
        settingsBox = SettingsBox(try store.clockSettings())
        reach = try store.reach(of: user, on: today)
        staff = Dictionary(try store.staff().map { ($0.login, $0) }, uniquingKeysWith: { a, _ in a })
        let env = ProcessInfo.processInfo.environment
        copiesDirectory = env["CAREERPLAN_COPIES"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (env["HOME"] ?? NSHomeDirectory()) + "/careerplan-copies"
    }

    /// "mrivera (María Rivera)", or the login alone when not on staff.
    public var userLabel: String {
        guard let user else { return "\(login) (not on staff)" }
        return "\(login) (\(user.name))"
    }

    /// The data file as the title bar shows it: home abbreviated to ~.
    public func dataFileLabel(home: String?) -> String {
        if let home, !home.isEmpty, store.path.hasPrefix(home + "/") {
            return "~" + store.path.dropFirst(home.count)
        }
        return store.path
    }

    /// Why the signed-in user may not do this, in words; nil when they may.
    /// The Store checks again when it writes; this only explains early.
    public func refusal(_ permission: Permission) -> String? {
        do {
            _ = try permission.check(by: user)
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// A customer's case file, refused (with the reason) when out of reach.
    public func caseFile(_ id: CustomerID) throws -> CaseFile? {
        try store.caseFile(id, readBy: user, on: today)
    }

    /// Reads the settings again after they were saved.
    public func reloadSettings() throws {
        settingsBox.value = try store.clockSettings()
    }

    /// The services matrix, read from the store the first time (a malformed
    /// file throws its problem, every time it is asked for).
    @discardableResult
    public func loadMatrix() throws -> ServicesMatrix {
        if matrixBox.loaded == nil { matrixBox.loaded = Result { try store.servicesMatrix() } }
        return try matrixBox.loaded!.get()
    }
}

final class SettingsBox {
    var value: ClockSettings
    init(_ value: ClockSettings) { self.value = value }
}

/// Shared by every copy of the session, so the matrix is read once.
final class MatrixBox {
    var loaded: Result<ServicesMatrix, any Error>?
}

extension Session {
    /// A read a screen makes after it opened (a reload, a record to open):
    /// the value, or nil with `problem` saying in words what could not be
    /// read and why, so no failure is dropped silently.
    func read<T>(_ what: String, into problem: inout String?, _ body: (Session) throws -> T?) -> T? {
        do {
            guard let value = try body(self) else {
                problem = "\(what.prefix(1).uppercased() + what.dropFirst()) is no longer in the data file"
                return nil
            }
            return value
        } catch {
            problem = "Cannot read \(what): \(error)"
            return nil
        }
    }
}
