import ArgumentParser
import Foundation
import Store

/// `--db PATH`, else `$CAREERPLAN_DB`, else the XDG data directory.
struct DataFileOption: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The data file.", valueName: "PATH"))
    var path: String?

    func resolved(defaultName: String = "caseload.sqlite") -> String {
        let env = ProcessInfo.processInfo.environment
        if let path, !path.isEmpty { return path }
        if let path = env["CAREERPLAN_DB"], !path.isEmpty { return path }
        return Self.dataDirectory(env) + "/" + defaultName
    }

    static func dataDirectory(_ env: [String: String]) -> String {
        if let xdg = env["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/careerplan" }
        return (env["HOME"] ?? NSHomeDirectory()) + "/.local/share/careerplan"
    }

    /// Opens the store or exits with the store's own clear message.
    func open(defaultName: String = "caseload.sqlite") throws -> CaseloadStore {
        try Self.open(path: resolved(defaultName: defaultName))
    }

    static func open(path: String) throws -> CaseloadStore {
        do { return try CaseloadStore(path: path) } catch {
            throw ValidationFailure("\(error)")
        }
    }
}

/// An error printed as "careerplan: message" with exit status 1.
struct ValidationFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
