import Domain
import ArgumentParser
import Foundation
import Store

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the data file consistently while others use it (for cron).",
        discussion: "Administrators. DEST is a new file, or a directory to hold careerplan-YYYY-MM-DD-HHMMSS.sqlite (-2, -3 added when that second's name is taken), outside the data file's directory. The copy is readable by you only and checked before the command succeeds; the audit chain's head is printed so a copy kept elsewhere anchors it (audit --verify --anchor)."
    )

    @Argument(help: ArgumentHelp("Where to write the copy.", valueName: "DEST"))
    var destination: String
    @OptionGroup var dataFile: DataFileOption

    func run() throws {
        let (store, user) = try dataFile.signIn()
        defer { try? store.close() }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: destination, isDirectory: &isDirectory)
        if destination.hasSuffix("/"), !(exists && isDirectory.boolValue) {
            throw ValidationFailure("there is no directory \(destination); make it first (readable by you only)")
        }
        do {
            let dest: String
            if exists, isDirectory.boolValue {
                try UserFile.refuseDataDirectory((destination as NSString).appendingPathComponent("careerplan.sqlite"), dataFile: store.path)
                dest = try store.backup(into: destination, stem: "careerplan-" + Self.stamp(), by: user)
            } else {
                try UserFile.refuseDataDirectory(destination, dataFile: store.path)
                try store.backup(to: destination, by: user)
                dest = destination
            }
            // The chain's head, printed for the e-mail: a copy kept elsewhere anchors the audit trail.
            Output.text("\(store.path) copied to \(dest)\n\(try store.auditHead().headLine)\n")
        } catch let error as StoreError {
            throw ValidationFailure("\(error)")
        }
    }

    /// The area's clock (careerplan.conf's time-zone is TimeZone.current; a formatter's default is not).
    private static func stamp() -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd-HHmmss"
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone.current
        return f.string(from: Date())
    }
}
