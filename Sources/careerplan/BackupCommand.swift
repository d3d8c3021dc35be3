import ArgumentParser
import Foundation
import Store

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the data file consistently while others use it (for cron).",
        discussion: "Administrators. DEST is a new file, or a directory to hold careerplan-YYYY-MM-DD-HHMMSS.sqlite, outside the data file's directory. The copy is readable by you only and checked before the command succeeds; the audit chain's head is printed so a copy kept elsewhere anchors it (audit --verify --anchor)."
    )

    @Argument(help: ArgumentHelp("Where to write the copy.", valueName: "DEST"))
    var destination: String
    @OptionGroup var dataFile: DataFileOption

    func run() throws {
        let (store, user) = try dataFile.signIn()
        defer { try? store.close() }
        var dest = destination
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: dest, isDirectory: &isDirectory), isDirectory.boolValue {
            let f = DateFormatter()
            f.dateFormat = "yyyy-MM-dd-HHmmss"
            f.locale = Locale(identifier: "en_US_POSIX")
            // The area's clock (careerplan.conf's time-zone is TimeZone.current; a formatter's default is not).
            f.timeZone = TimeZone.current
            dest = (dest as NSString).appendingPathComponent("careerplan-\(f.string(from: Date())).sqlite")
        }
        if destination.hasSuffix("/"), !isDirectory.boolValue {
            throw ValidationFailure("there is no directory \(destination); make it first (readable by you only)")
        }
        try UserFile.refuseDataDirectory(dest, dataFile: store.path)
        do {
            try store.backup(to: dest, by: user)
            // The chain's head, printed for the e-mail: a copy kept elsewhere anchors the audit trail.
            Output.text("\(store.path) copied to \(dest)\n\(try store.auditHead().headLine)\n")
        } catch let error as StoreError {
            throw ValidationFailure("\(error)")
        }
    }
}
