import ArgumentParser
import Foundation
import Store

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the data file consistently while others use it (for cron).",
        discussion: "DEST is a new file, or a directory to hold careerplan-YYYY-MM-DD-HHMMSS.sqlite. The copy is readable by you only and checked before the command succeeds."
    )

    @Argument(help: ArgumentHelp("Where to write the copy.", valueName: "DEST"))
    var destination: String
    @OptionGroup var dataFile: DataFileOption

    func run() throws {
        var dest = destination
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: dest, isDirectory: &isDirectory), isDirectory.boolValue {
            let f = DateFormatter()
            f.dateFormat = "yyyy-MM-dd-HHmmss"
            f.locale = Locale(identifier: "en_US_POSIX")
            dest = (dest as NSString).appendingPathComponent("careerplan-\(f.string(from: Date())).sqlite")
        }
        let store = try dataFile.open()
        defer { try? store.close() }
        do {
            try store.backup(to: dest)
        } catch let error as StoreError {
            throw ValidationFailure("\(error)")
        }
        print("\(store.path) copied to \(dest)")
    }
}
