import Domain
import TerminalKit

/// A screen is a state value: keys update it, it renders into the grid, and
/// anything beyond its own state (open another screen, quit) is an effect
/// the app loop carries out.
public protocol Screen {
    /// Shown in the title bar: where the user is.
    var title: String { get }
    /// What help calls the screen; the title without its counts.
    var name: String { get }
    /// This screen's own keys, for the key bar and help.
    var bindings: [KeyBinding] { get }
    /// True while a text field has focus: `q` and `?` are then typed.
    var acceptsText: Bool { get }
    /// True while a yes/no question is shown: only its answers and help work.
    var isAsking: Bool { get }
    /// The customer this screen has open (a `CustomerScreen`), with its session: what the global Note key
    /// writes about; nil on screens about no one customer. Asked rather than found by casting to
    /// `CustomerScreen`: the key bar asks at every paint, and a cast to a protocol's type had the runtime
    /// search every conformance of the program the first time, on the way to the first screen.
    var openCustomer: (session: Session, id: CustomerID)? { get }
    mutating func update(_ key: Key) -> Effect
    /// Loads what the visible area needs before rendering (a page of rows).
    mutating func prepare(area: Area)
    func render(into canvas: inout Canvas, area: Area)
    /// Called when a screen this one opened finishes with a result.
    mutating func resume(with result: ScreenResult)
    /// The outcome of a `StoreRequest` this screen asked for, and what follows.
    mutating func completed(_ outcome: Result<ScreenResult, any Error>) -> Effect
}

/// What a finished screen hands back to the one below it.
public enum ScreenResult {
    case created(CustomerID)
    /// A customer's records changed: screens showing them read them again.
    case updated(CustomerID, notice: String)
    /// The screen above was left (Esc): what it showed may have changed.
    case back
    /// A form for a record the screen below holds in memory (a plan node).
    case edited([String: String])
    /// A plan saved (or its review recorded) as this version.
    case planSaved(PlanVersion, notice: String)
    /// The Getting Started Assessment as saved, and the fields another user
    /// changed meanwhile that this save left to the user.
    case gsaSaved(GettingStartedAssessment, collisions: [FieldCollision])
}

extension Screen {
    public var name: String { title }
    public var acceptsText: Bool { false }
    public var isAsking: Bool { false }
    public var openCustomer: (session: Session, id: CustomerID)? { nil }
    public mutating func prepare(area: Area) {}
    public mutating func resume(with result: ScreenResult) {}
    public mutating func completed(_ outcome: Result<ScreenResult, any Error>) -> Effect { .handled }
}

/// A change to the data file a screen asks for, as a value: the loop (the
/// one place that holds the store) runs it and hands the outcome to the
/// screen's `completed`. The screen never calls the store itself.
public struct StoreRequest {
    let run: (any Caseload) throws -> ScreenResult

    public init(_ run: @escaping (any Caseload) throws -> ScreenResult) { self.run = run }

    /// Saves this user's changes to the Getting Started Assessment since `base`.
    public static func saveGSA(_ gsa: GettingStartedAssessment, over base: GettingStartedAssessment?, by user: Staff?) -> StoreRequest {
        StoreRequest { store in
            let saved = try store.saveGSA(gsa, over: base, by: user)
            return .gsaSaved(saved.stored, collisions: saved.collisions)
        }
    }

    /// A result that needs no store (a form editing a record the screen below holds).
    public static func done(_ result: ScreenResult) -> StoreRequest { StoreRequest { _ in result } }
}

public enum Effect {
    /// The screen used the key.
    case handled
    /// The screen did not use the key; global keys get a chance.
    case unhandled
    case push(any Screen)
    case pop
    /// Close this screen and hand a result to the one below.
    case finish(ScreenResult)
    /// Close this screen and open another in its place.
    case replace(any Screen)
    /// Run a change to the data file; the screen hears how it went in `completed`.
    case request(StoreRequest)
    case quit
}

/// The rows and columns a screen may draw in (between title and key bar)
/// is a TerminalKit `Area`.

extension Result where Success == ScreenResult {
    /// Done: the screen closes with the result. Refused: `refused` puts the
    /// reason on the screen, which stays with everything typed.
    public func finishing(orElse refused: (Failure) -> Void) -> Effect {
        switch self {
        case .success(let result): return .finish(result)
        case .failure(let error):
            refused(error)
            return .handled
        }
    }

    /// Done: `done` updates the screen, which stays. Refused: `refused` says why.
    public func staying(_ done: (ScreenResult) -> Void, orElse refused: (Failure) -> Void) -> Effect {
        switch self {
        case .success(let result): done(result)
        case .failure(let error): refused(error)
        }
        return .handled
    }
}
