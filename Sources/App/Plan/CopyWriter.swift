import Domain
import Foundation

/// Writes the customer's copy of their plan as a printable HTML file,
/// readable by the signed-in user only (it holds personal information).
enum CopyWriter {
    /// Asks the loop to write the copy into `directory` in `language` and
    /// record it (the language becomes the customer's preferred one); the
    /// result's notice names the path, the home directory shown as ~.
    static func request(customer id: CustomerID, into directory: String, by user: Staff?, today: Day,
                        language: CopyLanguage, matrix: ServicesMatrix) -> StoreRequest {
        StoreRequest { store in
            let path = try write(store, customer: id, into: directory, by: user, today: today, language: language, matrix: matrix)
            return .updated(id, notice: (language == .spanish ? "Spanish copy written: " : "Copy written: ") + path)
        }
    }

    private static func write(_ store: any Caseload, customer id: CustomerID, into dir: String, by user: Staff?,
                              today: Day, language: CopyLanguage, matrix: ServicesMatrix) throws -> String {
        guard let copy = try store.customerCopy(for: id, today: today, language: language, matrix: matrix),
              let version = try store.plan(for: id)?.version else {
            throw StoreError.invalid("there is no saved plan to copy: save it first (Ctrl-S)")
        }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let path = dir + "/\(id)-plan-v\(version)-\(today)" + (language == .english ? "" : "-\(language.code)") + ".html"
        guard FileManager.default.createFile(atPath: path, contents: Data(copy.html.utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.cannotCreate(path: path, reason: "permission denied or no such directory")
        }
        try store.recordCopy(of: version, for: id, by: user, today: today, language: language)
        let home = ProcessInfo.processInfo.environment["HOME"] ?? ""
        return !home.isEmpty && path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
    }
}
