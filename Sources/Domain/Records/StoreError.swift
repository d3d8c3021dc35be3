import Foundation

/// Errors a person can act on; each message names the file, record or field.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case notCareerplanFile(path: String)
    case notADatabase(path: String)
    case newerVersion(path: String, unknown: [String])
    case cannotCreate(path: String, reason: String)
    case importRejected(String)
    case notEmpty(path: String)
    case notFound(String)
    case notOnStaff
    case leftStaff(login: String, on: Day)
    case notPermitted(login: String, role: String, action: String)
    case invalid(String)
    case changedMeanwhile(String)
    case noDataFile(path: String, why: String?)
    case alreadyExists(path: String)
    case cannotOpen(path: String, reason: String)
    case readOnly(path: String)
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    case busy
    case readOnlyNeedsUpgrade(path: String)
    /// A new file's load (`seed`) stopped before it made its indexes again; only a writer can make them.
    case unfinishedLoad(path: String)

    public var description: String {
        switch self {
        case .notCareerplanFile(let path):
            "\(path) is an SQLite database but not a careerplan data file; it was left untouched. Choose another file with --db."
        case .notADatabase(let path):
            "\(path) is not a careerplan data file (not an SQLite database); it was left untouched. Choose another file with --db."
        case .newerVersion(let path, let unknown):
            "\(path) was written by a newer careerplan (schema \(unknown.joined(separator: ", "))); it was left untouched. Upgrade careerplan to open it."
        case .cannotCreate(let path, let reason):
            "cannot create \(path): \(reason)"
        case .importRejected(let why):
            "import rejected, nothing was written: \(why)"
        case .notEmpty(let path):
            "\(path) already holds customers; import only into a new or empty data file, nothing was written"
        case .notFound(let what):
            "\(what) not found"
        case .notOnStaff:
            "you are not on the staff list of this data file; an administrator can add you"
        case .leftStaff(let login, let on):
            "\(login) left the staff on \(on): their records stay, but they no longer sign in; an administrator can run careerplan staff reactivate \(login)"
        case .notPermitted(let login, let role, let action):
            "\(login): \(role)s may not \(action)"
        case .invalid(let why):
            "not saved: \(why)"
        case .changedMeanwhile(let what):
            "Not saved: another user changed \(what) since this screen read it. Your typing is kept: note it, press Esc, reopen and apply it again."
        case .noDataFile(let path, let why):
            "no careerplan data file at \(path)\(why.map { " (\($0))" } ?? ""); create one with careerplan init --db \(path)"
        case .alreadyExists(let path):
            "\(path) already exists; careerplan init makes a new data file only where there is none, nothing was changed"
        case .cannotOpen(let path, let reason):
            "cannot open \(path): \(reason)"
        case .readOnly(let path):
            "not saved: \((path as NSString).lastPathComponent) is read-only for you (it can still be read)"
        case .busy:
            "not saved: other users kept the data file busy for half a minute; your typing is kept, save again"
        case .cannotWrite(let path, let reason):
            "not saved: \(reason) (\(path)); nothing was changed"
        case .cannotRead(let path, let reason):
            "\(reason) (\((path as NSString).lastPathComponent))"
        case .readOnlyNeedsUpgrade(let path):
            "\(path) is read-only and was written by an older careerplan; open it once where it can be written to upgrade it"
        case .unfinishedLoad(let path):
            "\(path) is read-only and was left unfinished by a seed that stopped (its search indexes are missing); open it once where it can be written, or seed a new file"
        }
    }
}
