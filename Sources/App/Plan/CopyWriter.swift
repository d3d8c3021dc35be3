import Domain
import Foundation

/// Writes the customer's copy of their plan as a printable HTML file,
/// readable by the signed-in user only (it holds personal information).
enum CopyWriter {
    /// Asks the loop to write the copy into `directory` and record it;
    /// the result's notice names the path, the home directory shown as ~.
    static func request(customer id: CustomerID, into directory: String, by user: Staff?, today: Day) -> StoreRequest {
        StoreRequest { store in
            .updated(id, notice: "Copy written: " + (try write(store, customer: id, into: directory, by: user, today: today)))
        }
    }

    private static func write(_ store: any Caseload, customer id: CustomerID, into dir: String, by user: Staff?,
                              today: Day) throws -> String {
        guard let copy = try store.customerCopy(for: id, today: today), let version = try store.plan(for: id)?.version else {
            throw StoreError.invalid("there is no saved plan to copy: save it first (Ctrl-S)")
        }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let path = dir + "/\(id)-plan-v\(version)-\(today).html"
        guard FileManager.default.createFile(atPath: path, contents: Data(copy.html.utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.cannotCreate(path: path, reason: "permission denied or no such directory")
        }
        try store.recordCopy(of: version, for: id, by: user, today: today)
        let home = ProcessInfo.processInfo.environment["HOME"] ?? ""
        return !home.isEmpty && path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
    }
}
