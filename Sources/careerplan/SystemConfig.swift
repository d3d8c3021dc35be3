import Foundation
import Glibc

/// What every account of a center needs and no account may choose: the
/// data file, the group it is shared with, the area's time zone. Read from
/// a file only root writes, beside the installed program
/// (`PREFIX/etc/careerplan.conf`; `/etc/careerplan.conf` for a program in
/// `/usr/bin`), never from a login shell's environment, which a remote
/// account's own `.bashrc` could set (docs/security.md).
struct SystemConfig: Equatable {
    var path: String
    var dataFile: String?
    var group: String?
    var timeZone: String?

    static let keys = ["data-file", "group", "time-zone"]

    /// The configuration file for the program at `executable`.
    static func location(executable: String) -> String {
        let bin = (executable as NSString).deletingLastPathComponent
        let prefix = (bin as NSString).deletingLastPathComponent
        return prefix == "/usr" ? "/etc/careerplan.conf" : (prefix as NSString).appendingPathComponent("etc/careerplan.conf")
    }

    /// Reads the file if there is one. A set-group-ID careerplan trusts it
    /// only when root owns it and its directory and nobody else can write them.
    static func load(executable: String, privileged: Bool) throws -> SystemConfig? {
        let path = location(executable: executable)
        // stat(2), not FileManager: its first use costs start-up a tenth of a millisecond.
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        if privileged { try requireRootsOnly(path) }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ValidationFailure("cannot read \(path)")
        }
        return try parse(text, path: path)
    }

    /// A file a set-group-ID careerplan trusts: it and its directory belong to root and only root writes
    /// them; `fileMask` the file's own permission bits that must be clear besides (others reading it).
    static func requireRootsOnly(_ path: String, fileMask: mode_t = 0o022, also rule: String = "") throws {
        for (p, mask) in [(path, fileMask), ((path as NSString).deletingLastPathComponent, mode_t(0o022))] {
            var s = stat()
            guard stat(p, &s) == 0, s.st_uid == 0, s.st_mode & mask == 0 else {
                throw ValidationFailure("\(p) must belong to root and be writable by root only\(p == path ? rule : ""); careerplan did not start")
            }
        }
    }

    /// The `key = value` lines of a configuration file, with their numbers; `#` starts a comment.
    static func keyValues(_ text: String, path: String) throws -> [(number: Int, key: String, value: String)] {
        var out: [(number: Int, key: String, value: String)] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                throw ValidationFailure("\(path) line \(number + 1): expected key = value")
            }
            out.append((number + 1, parts[0], parts[1]))
        }
        return out
    }

    /// `key = value` lines; `#` starts a comment. An unknown key is an error,
    /// so a typo never silently leaves a center on the wrong file.
    static func parse(_ text: String, path: String) throws -> SystemConfig {
        var config = SystemConfig(path: path)
        for (number, key, value) in try keyValues(text, path: path) {
            switch key {
            case "data-file":
                guard value.hasPrefix("/") else {
                    throw ValidationFailure("\(path) line \(number): data-file must be an absolute path")
                }
                config.dataFile = (value as NSString).standardizingPath
            case "group": config.group = value
            case "time-zone":
                guard TimeZone(identifier: value) != nil else {
                    throw ValidationFailure("\(path) line \(number): unknown time zone \"\(value)\" (e.g. America/Chicago)")
                }
                config.timeZone = value
            default:
                throw ValidationFailure("\(path) line \(number): unknown key \"\(key)\" (keys: \(keys.joined(separator: ", ")))")
            }
        }
        return config
    }

    /// The directory of the center's data file: careerplan writes no file a user names there.
    var dataDirectory: String? { dataFile.map { ($0 as NSString).deletingLastPathComponent } }
}

/// The center's configuration, read once at start (`Careerplan.main`).
enum Center {
    nonisolated(unsafe) private(set) static var config: SystemConfig?

    static func load() throws {
        config = try SystemConfig.load(executable: LocalContext.executablePath(), privileged: Privilege.isSetGroupID)
        // The area's calendar days, whatever the session's own TZ says.
        if let zone = config?.timeZone {
            setenv("TZ", zone, 1)
            tzset()
        }
    }

    /// Whether `path` names the center's configured data file.
    static func isConfiguredDataFile(_ path: String) -> Bool {
        guard let file = config?.dataFile else { return false }
        return standardized(path) == file
    }

    static func standardized(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (absolute as NSString).standardizingPath
    }
}
