import Domain
import Foundation
import Store

/// Writes the customer's copy of their plan as a printable HTML file,
/// readable by the signed-in user only (it holds personal information).
enum CopyWriter {
    /// Returns the path written, with the home directory shown as ~.
    static func write(_ session: Session, customer id: CustomerID) throws -> String {
        guard let copy = try session.store.customerCopy(for: id, today: session.today),
              let version = try session.store.plan(for: id)?.version else {
            throw StoreError.invalid("there is no saved plan to copy: save it first (Ctrl-S)")
        }
        let dir = session.copiesDirectory
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let path = dir + "/\(id)-plan-v\(version)-\(session.today).html"
        guard FileManager.default.createFile(atPath: path, contents: Data(copy.html.utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.cannotCreate(path: path, reason: "permission denied or no such directory")
        }
        try session.store.recordCopy(of: version, for: id, by: session.user, today: session.today)
        let home = ProcessInfo.processInfo.environment["HOME"] ?? ""
        return !home.isEmpty && path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
    }
}
