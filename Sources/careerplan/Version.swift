import Store

/// What `careerplan --version` prints: the release, and the formats it
/// reads and writes (the export's version and the data file's last
/// migration), which is what an administrator moving files between
/// centers needs to know, and the SQLite it carries.
enum Version {
    static let release = "0.24.0"

    static var text: String {
        "careerplan \(release) (export format \(DataExport.currentVersion), data file \(CaseloadStore.schemaVersion), "
            + "SQLite \(CaseloadStore.sqliteVersion))"
    }
}
